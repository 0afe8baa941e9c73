package dev.ticketing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Services learn about each other only through events: no module's code imports another
 * service's, common (the shared contract) imports none, and web-contract (the HTTP rules the edge
 * and the web UI share with the services) imports nothing of ours and nothing of Spring. Inside a module, feature packages
 * depend on each other without circles, and the packages that receive the outside world (web
 * controllers, event listeners) depend on the features, never the other way. Reads the compiled
 * classes of the sibling modules, which the reactor builds before this one.
 */
class ModuleBoundariesTest {

    static final List<String> SERVICES = List.of("auth", "tickets", "orders", "expiration", "payments", "client", "gateway");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        List<Path> compiled = Stream.concat(Stream.of("web-contract", "common"), SERVICES.stream())
                .map(module -> ROOT.resolve(module).resolve("target/classes"))
                .toList();
        assertThat(compiled).as("compiled modules (build the reactor first: mvn verify)").allMatch(Files::isDirectory);
        classes = new ClassFileImporter().importPaths(compiled);
    }

    static Stream<String> services() {
        return SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceImportsNoOtherService(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "dev.ticketing." + s + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.ticketing." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services cooperate only through events")
                .check(classes);
    }

    @Test
    void commonImportsNoServiceCode() {
        String[] services = SERVICES.stream().map(s -> "dev.ticketing." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.ticketing.common..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .because("common holds only the contract every service shares")
                .check(classes);
    }

    @Test
    void theWebContractStandsAlone() {
        classes().that().resideInAPackage("dev.ticketing.web..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ticketing.web..", "java..", "jakarta.servlet..", "org.slf4j..",
                        "com.fasterxml.jackson.annotation..")
                .because("the gateway and the web UI use it without common's database and messaging set-up")
                .check(classes);
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCircles() {
        slices().matching("dev.ticketing.(*).(*)..")
                .should().beFreeOfCycles()
                .because("a reader follows a feature down without coming back to where they started")
                .check(classes);
    }

    @Test
    void nothingDependsOnAServicesEventListeners() {
        String[] listeners = SERVICES.stream().map(s -> "dev.ticketing." + s + ".events..").toArray(String[]::new);
        noClasses().that().resideOutsideOfPackages(listeners)
                .should().dependOnClassesThat().resideInAnyPackage(listeners)
                .because("listeners translate events into calls of the feature; the feature does not know them")
                .check(classes);
    }

    @Test
    void nothingDependsOnAController() {
        // an auto-configuration names the controllers it registers: that is wiring, not use
        noClasses().that().areNotAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
                .should().dependOnClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .orShould().dependOnClassesThat()
                .areAnnotatedWith("org.springframework.stereotype.Controller")
                .because("a controller is where a request enters; the feature below it works without it")
                .check(classes);
    }

    @Test
    void theEventContractDependsOnNothingButItself() {
        classes().that().resideInAPackage("dev.ticketing.common.events..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ticketing.common.events..", "java..", "com.fasterxml.jackson.annotation..")
                .because("the events are the contract every service shares; they carry no plumbing")
                .check(classes);
    }
}
