package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser journeys (a Spring Boot app on a random port, driven in {@link HeadlessChromium})
 * share: a fresh Chromium per test, pages opened and forms submitted the way a person does, and the
 * steward's API for setting up what the journey needs.
 */
public abstract class BrowserJourney {

	protected static final String PASSWORD = "a-long-enough-password";
	protected static final String STEWARD_PASSWORD = "steward-password-for-tests";
	protected static final String STEWARD = "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + STEWARD_PASSWORD).getBytes(StandardCharsets.UTF_8));
	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	@LocalServerPort
	protected int port;

	protected final HttpClient http = HttpClient.newHttpClient();
	protected final String suffix = UUID.randomUUID().toString().substring(0, 6);
	protected WebDriver browser;
	private File profile;

	@BeforeEach
	void chromium() throws Exception {
		profile = Files.createTempDirectory(getClass().getSimpleName() + "-chromium").toFile();
		browser = HeadlessChromium.start(profile.toPath(), 2400);
	}

	@AfterEach
	void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** How long a submitted form may take to leave its page. */
	protected Duration submitWithin() {
		return Duration.ofSeconds(20);
	}

	protected void open(String path) {
		browser.navigate().to("http://localhost:" + port + path);
	}

	protected String text() {
		return browser.findElement(By.tagName("body")).getText();
	}

	protected void submit(String label) {
		submit(browser.findElement(By.xpath("//button[normalize-space()='" + label + "']")));
	}

	protected void submit(WebElement button) {
		HeadlessChromium.clickAndLeave(browser, button, submitWithin());
	}

	/** Signs in through the login form, then checks on {@code landing} that it worked. */
	protected void signIn(String username, String password, String landing) {
		open("/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		submit("Sign in");
		open(landing);
		assertThat(text()).contains("Signed in as " + username);
	}

	protected void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(browser, name);
	}

	/** A steward's POST to the API, which must create something (201); answers the body. */
	protected String post(String path, String json) throws Exception {
		HttpResponse<String> response = stewardRequest("POST", path, json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body();
	}

	/** A steward's request to the API, which must succeed (200 or 201); answers the body. */
	protected String send(String method, String path, String json) throws Exception {
		HttpResponse<String> response = stewardRequest(method, path, json);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return response.body();
	}

	private HttpResponse<String> stewardRequest(String method, String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", STEWARD).header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The first {@code "id"} in a JSON answer. */
	protected static String id(String json) {
		Matcher m = ID.matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}
}
