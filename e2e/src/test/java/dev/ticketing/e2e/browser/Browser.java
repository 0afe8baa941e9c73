package dev.ticketing.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through chromedriver, pointed at the running system's gateway;
 * with the few gestures the pages need (fill a field, submit a form and wait for the next page, sign
 * in or out through the header) and numbered screenshots in the folder it is given.
 *
 * <p>Settings (system properties): {@code e2e.chromium} ({@code /usr/bin/chromium}) and
 * {@code e2e.chromedriver} ({@code /usr/bin/chromedriver}); {@code scripts/ensure-servers --browser}
 * installs both. Selenium Manager is never asked: it cannot download anything here.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Duration WAIT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final long started = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int shots;

    private Browser(URI baseUrl, Path screenshots, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts Chromium with an empty profile; screenshots of an earlier run in that folder are deleted. */
    static Browser start(URI baseUrl, Path screenshots) {
        Path chromium = executable("e2e.chromium", "/usr/bin/chromium");
        Path chromedriver = executable("e2e.chromedriver", "/usr/bin/chromedriver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        Path profile;
        try {
            deletePngs(screenshots);
            Files.createDirectories(screenshots);
            profile = Files.createTempDirectory("ticketing-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogLevel(ChromiumDriverLogLevel.OFF)
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        Browser browser = new Browser(baseUrl, screenshots, profile, service, driver);
        // a test JVM stopped early (Ctrl-C, a surefire time-out) leaves no Chromium behind either
        Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "browser-quit"));
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    // ------------------------------------------------------------------ pages

    /** Goes to a path of the site, e.g. {@code /orders}. */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The current page's path and query, e.g. {@code /auth/signin?next=/orders}. */
    String path() {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawQuery() == null ? current.getRawPath() : current.getRawPath() + "?" + current.getRawQuery();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Optional<WebElement> first(String css) {
        return findAll(css).stream().findFirst();
    }

    /** The visible text of the first element matching, or "" when there is none. */
    String text(String css) {
        return first(css).map(WebElement::getText).orElse("");
    }

    /** Replaces what a field holds. */
    void fill(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Leaves a field, as a person tabbing to the next one does (fires blur). */
    void tabOutOf(String css) {
        find(css).sendKeys(Keys.TAB);
    }

    /** Clicks something that loads another page (a link, a submit button) and waits until it is there. */
    void clickAndWaitForPage(WebElement element) {
        WebElement page = find("html");
        String clicked = describe(element);
        element.click();
        await("the next page after clicking " + clicked, ExpectedConditions.stalenessOf(page));
        await("the page to load", d -> "complete".equals(script("return document.readyState")));
    }

    /** Submits the form in the page's main part (not the header's sign-out form). */
    void submitMainForm() {
        clickAndWaitForPage(find("main form [type=submit]"));
    }

    /** Clicks the first link or button in the header whose text is {@code label}. */
    void clickInHeader(String label) {
        WebElement target = findAll("header a, header button").stream()
                .filter(e -> e.getText().trim().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No '" + label + "' in the header; it has: " + text("header")));
        clickAndWaitForPage(target);
    }

    /** The labels of the header's links and buttons, left to right. */
    List<String> headerLinks() {
        return findAll("header a, header button").stream().map(e -> e.getText().trim()).toList();
    }

    void reload() {
        WebElement page = find("html");
        driver.navigate().refresh();
        await("the page to reload", ExpectedConditions.stalenessOf(page));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    // ------------------------------------------------------------------ people

    void signUp(String email, String password) {
        open("/auth/signup");
        fill("#email", email);
        fill("#password", password);
        submitMainForm();
    }

    void signIn(String email, String password) {
        open("/auth/signin");
        fill("#email", email);
        fill("#password", password);
        submitMainForm();
    }

    /** Forgets the session without a page view, so the next test starts signed out. */
    void forgetSession() {
        if (driver.getCurrentUrl().startsWith(baseUrl.toString())) {
            driver.manage().deleteAllCookies();
        }
    }

    // ------------------------------------------------------------------ waiting

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, condition, WAIT);
    }

    <T> T await(String what, Function<WebDriver, T> condition, Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within, Duration.ofMillis(100));
        wait.withMessage(() -> what + " (" + whereWeAre() + ")");
        return wait.until(condition);
    }

    // ------------------------------------------------------------------ screens

    /**
     * A phone's screen: 390 x 844 CSS pixels, as a mobile browser lays it out (the viewport meta tag
     * applies, scrollbars overlay). Chromium's window cannot be made that narrow, so it is emulated.
     */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE.getWidth(), "height", PHONE.getHeight(), "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the 1280 x 900 desktop window. */
    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The layout viewport's width in CSS pixels. */
    long viewportWidth() {
        return ((Number) script("return document.documentElement.clientWidth;")).longValue();
    }

    /** Saves what the window shows as {@code NN-<name>.png}; returns the file. */
    Path screenshot(String name) {
        shots++;
        String file = String.format("%02d-%s.png", shots, name);
        System.out.printf("[browser] %6.1f s  %s  %s%n", (System.nanoTime() - started) / 1e9, file, path());
        return save(file);
    }

    /** For a failed test: the window and the page's HTML, named after the test. */
    void saveFailure(String name) {
        save("FAILED-" + name + ".png");
        try {
            Files.writeString(screenshots.resolve("FAILED-" + name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("[browser] could not save the page of " + name + ": " + e.getMessage());
        }
    }

    /** Whether the page is wider than the window (something sticks out sideways). */
    long overflowPixels() {
        Number overflow = (Number) script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return overflow.longValue();
    }

    private Path save(String file) {
        Path target = screenshots.resolve(file);
        try {
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Quits Chromium and chromedriver and deletes the profile; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("[browser] quitting Chromium failed: " + e.getMessage());
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Path executable(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the browser tests drive Debian's headless Chromium. "
                    + "Install it with `scripts/ensure-servers --browser` (apt-get install chromium chromium-driver), "
                    + "or point -D" + property + "= at it.");
        }
        return path;
    }

    private String whereWeAre() {
        try {
            return "on " + path() + ", which says: " + abbreviated(text("main"));
        } catch (RuntimeException e) {
            return "the page could not be read: " + e.getMessage();
        }
    }

    private static String describe(WebElement element) {
        String text = element.getText().trim();
        return text.isEmpty() ? "<" + element.getTagName() + ">" : "'" + text + "'";
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static void deletePngs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".html")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.err.println("[browser] could not delete " + root + ": " + e.getMessage());
        }
    }
}
