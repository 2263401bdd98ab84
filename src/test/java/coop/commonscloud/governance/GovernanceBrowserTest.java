package coop.commonscloud.governance;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.HeadlessChromium;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: a member proposes raising the land-back contribution to 12 %, three members vote,
 * the poll closes, and the outcome and the parameter change are visible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernanceBrowserTest {

	static final String PASSWORD = "a-long-enough-password";
	static final String STEWARD = "Basic " + Base64.getEncoder()
			.encodeToString("admin:steward-password-for-tests".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;
	@Autowired
	PlatformParameters parameters;

	final HttpClient http = HttpClient.newHttpClient();
	final String suffix = UUID.randomUUID().toString().substring(0, 6);
	WebDriver browser;
	File profile;

	@BeforeEach
	void chromium() throws Exception {
		profile = Files.createTempDirectory("governance-chromium").toFile();
		browser = HeadlessChromium.start(profile.toPath(), 2400);
	}

	@AfterEach
	void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_member_proposes_three_members_vote_the_poll_closes_and_the_new_land_back_share_is_in_force() throws Exception {
		String north = partnerMember("North");
		String south = partnerMember("South");
		String east = partnerMember("East");
		LocalDate effective = LocalDate.now(ZoneOffset.UTC).plusDays(30);

		// North proposes
		signIn(north);
		open("/manage/governance/proposals/new");
		browser.findElement(By.id("kind-PARAMETER_CHANGE")).click();
		browser.findElement(By.id("title")).sendKeys("Raise the land-back contribution to 12% " + suffix);
		browser.findElement(By.id("rationale")).sendKeys("Ten percent was a start. The region can afford twelve.");
		new Select(browser.findElement(By.id("parameterKey"))).selectByValue("land-back.contribution");
		browser.findElement(By.id("parameterValue")).sendKeys("12");
		browser.findElement(By.id("effectiveFrom")).sendKeys(effective.toString());
		submit("Save the draft");
		String proposalPage = browser.getCurrentUrl();
		assertThat(text()).contains("Raise the land-back contribution to 12%").contains("Today it is 10 %");
		submit("Start the discussion");
		browser.findElement(By.linkText("Open the poll")).click();
		browser.findElement(By.id("method-MAJORITY")).click();
		browser.findElement(By.id("quorum")).sendKeys("3");
		browser.findElement(By.id("duration")).clear();
		browser.findElement(By.id("duration")).sendKeys("1");
		new Select(browser.findElement(By.id("unit"))).selectByValue("MINUTES");
		submit("Open the poll");
		Instant closesAt = Instant.now().plusSeconds(60);
		assertThat(text()).contains("Method").contains("majority");

		// three members vote: North, South and East
		vote(proposalPage, "For");
		for (String member : new String[] { south, east }) {
			browser.manage().deleteAllCookies();
			signIn(member);
			vote(proposalPage, member.equals(east) ? "Against" : "For");
		}
		assertThat(text()).contains("South Co-op " + suffix + ", cast by " + south);

		// the poll closes once its time is up
		browser.manage().deleteAllCookies();
		signIn(north);
		while (Instant.now().isBefore(closesAt.plusSeconds(1))) {
			Thread.sleep(500);
		}
		browser.navigate().to(proposalPage);
		submit("Close the poll and record the outcome");

		assertThat(browser.findElement(By.id("outcome-value")).getText()).isEqualTo("PASSED");
		assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualTo("implemented");
		assertThat(browser.findElement(By.id("parameter-change")).getText())
				.contains("land-back.contribution is 12 % from " + effective + " 00:00:00 UTC");
		assertThat(browser.findElements(By.cssSelector("#outcome svg[role=img]"))).hasSize(1);
		assertThat(text()).contains("For 2 exceeds against 1");
		screenshot("governance-outcome.png");
		open("/governance/decisions");
		assertThat(text()).contains("Raise the land-back contribution to 12% " + suffix).contains("PASSED");

		Instant from = effective.atStartOfDay(ZoneOffset.UTC).toInstant();
		assertThat(parameters.valueAt(ParameterKey.LAND_BACK_CONTRIBUTION, from.minusSeconds(1)).amount())
				.isEqualByComparingTo("10");
		assertThat(parameters.valueAt(ParameterKey.LAND_BACK_CONTRIBUTION, from).amount()).isEqualByComparingTo("12");
	}

	private void vote(String proposalPage, String choice) {
		browser.navigate().to(proposalPage);
		browser.findElement(By.id("vote-link")).click();
		browser.findElement(By.xpath("//input[@name='choice'][@value='" + choice + "']")).click();
		submit("Cast the ballot");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("was recorded"));
	}

	/** Signs in with the standard form fields ({@code username}, {@code password}) posted to /login. */
	private void signIn(String username) {
		open("/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		submit("Sign in");
		open("/governance");
		assertThat(text()).contains("Signed in as " + username);
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(browser, name);
	}

	/** Clicks a button and waits until the browser has left the page it was on. */
	private void submit(String label) {
		org.openqa.selenium.WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
		HeadlessChromium.clickAndLeave(browser, button, Duration.ofSeconds(20));
	}

	private void open(String path) {
		browser.navigate().to("http://localhost:" + port + path);
	}

	private String text() {
		return browser.findElement(By.tagName("body")).getText();
	}

	/** A partner, its admin account and its membership, through the API as a steward; returns the admin's username. */
	private String partnerMember(String name) throws Exception {
		String partner = id(post("/api/partners", "{\"legalName\":\"" + name + " Co-op " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"R-" + UUID.randomUUID() + "\"}"));
		String username = name.toLowerCase() + "-" + suffix;
		post("/api/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"" + name + " admin\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partner + "\"}");
		post("/api/governance/members", "{\"memberClass\":\"PARTNER\",\"name\":\"" + name + " Co-op " + suffix
				+ "\",\"partnerId\":\"" + partner + "\"}");
		return username;
	}

	private String post(String path, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", STEWARD).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body();
	}

	private static String id(String json) {
		Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}
}
