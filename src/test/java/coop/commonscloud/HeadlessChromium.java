package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (never a downloaded browser), headless, for the browser tests.
 * The flags keep Chromium off the network: on this closed network its background connections are
 * refused, many at a time, and it looks up Google's hosts at every start.
 */
public final class HeadlessChromium {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** A browser with its own profile directory, which the caller creates and removes. */
	public static WebDriver start(Path profile, int windowHeight) {
		assertThat(CHROMIUM).as("Chromium is needed: apt-get install chromium chromium-driver").isExecutable();
		assertThat(CHROMEDRIVER).as("ChromeDriver is needed: apt-get install chromium-driver").isExecutable();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280," + windowHeight, "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort().build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	/**
	 * Clicks a button that loads a new page and waits until the browser has left the page it was on:
	 * the old button is gone once asking about it fails. ChromeDriver reports a node of a page being
	 * unloaded either as stale or as not belonging to the document.
	 */
	public static void clickAndLeave(WebDriver browser, WebElement button, Duration timeout) {
		button.click();
		new WebDriverWait(browser, timeout).until(d -> {
			try {
				button.isEnabled();
				return false;
			} catch (StaleElementReferenceException gone) {
				return true;
			} catch (WebDriverException e) {
				if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
	}

	/** Keeps a screenshot in target/screenshots for a person to look at. */
	public static void screenshot(WebDriver browser, String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
