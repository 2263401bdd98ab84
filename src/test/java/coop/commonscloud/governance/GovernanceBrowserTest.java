package coop.commonscloud.governance;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.BrowserJourney;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.QualificationParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In Chromium: a member proposes raising the land-back contribution to 12 %, three members vote,
 * the poll closes, and the outcome and the parameter change are visible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernanceBrowserTest extends BrowserJourney {

	@Autowired
	PlatformParameters parameters;

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
		assertThat(parameters.valueAt(QualificationParameters.LAND_BACK_CONTRIBUTION, from.minusSeconds(1)).amount())
				.isEqualByComparingTo("10");
		assertThat(parameters.valueAt(QualificationParameters.LAND_BACK_CONTRIBUTION, from).amount()).isEqualByComparingTo("12");
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
		signIn(username, PASSWORD, "/governance");
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
}
