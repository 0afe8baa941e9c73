package dev.ticketing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
 * service's, and common (the shared contract) imports none. Reads the compiled classes of the
 * sibling modules, which the reactor builds before this one.
 */
class ModuleBoundariesTest {

    static final List<String> SERVICES = List.of("auth", "tickets", "orders", "expiration", "payments", "client", "gateway");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        List<Path> compiled = Stream.concat(Stream.of("common"), SERVICES.stream())
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
}
