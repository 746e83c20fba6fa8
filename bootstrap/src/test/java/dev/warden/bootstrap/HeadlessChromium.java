package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through its chromedriver, headless, with a fresh profile. The flags keep it
 * off the network (a closed network refuses its background connections). Missing browser: the test
 * fails and says how to install it; `.ci/run` installs it.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    HeadlessChromium() {
        assertThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
                .as("the dashboard's browser tests need Debian's chromium and chromium-driver at " + CHROMIUM
                        + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run installs them)")
                .isTrue();
        try {
            profile = Files.createTempDirectory("warden-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * Waits (up to 15 s) until {@code condition} answers something other than null or false. A live
     * event may render the view again at any moment, so an element that went stale is looked up again.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks the first visible element {@code by} finds, once it is there. */
    void click(By by) {
        until(d -> {
            WebElement element = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits until the element {@code by} finds shows {@code text}. */
    void waitForText(By by, String text) {
        until(d -> d.findElements(by).stream().anyMatch(e -> text.equals(e.getText())));
    }

    WebElement visible(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Opens the dashboard afresh (the token lives in the page's memory, so this signs out) and signs in. */
    void signIn(String base, String username, String password) {
        signIn(base, username, password, true);
    }

    /** Signs in, on a fresh page or on the one open (to keep what a test set up in it before signing in). */
    void signIn(String base, String username, String password, boolean freshPage) {
        if (freshPage) {
            driver.get(base + "/");
        }
        visible(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("#login button[type=submit]"));
        until(d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));
    }

    void open(String base, String fragment) {
        driver.get(base + "/" + fragment);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
