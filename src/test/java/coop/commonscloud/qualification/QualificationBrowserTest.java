package coop.commonscloud.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.BrowserJourney;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In Chromium: a partner admin submits evidence with a file, a steward approves it in the review
 * queue, and the partner's dashboard and the public status page show the criterion met.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QualificationBrowserTest extends BrowserJourney {


	@Test
	void a_partner_submits_evidence_a_steward_approves_it_and_the_criterion_is_met() throws Exception {
		String legalName = "Browser Co-op " + suffix;
		String partner = id(post("/api/partners", "{\"legalName\":\"" + legalName
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"R-" + UUID.randomUUID() + "\"}"));
		String admin = "qual-" + suffix;
		post("/api/accounts", "{\"username\":\"" + admin + "\",\"displayName\":\"Qual admin\",\"password\":\"" + PASSWORD
				+ "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partner + "\"}");
		Path minutes = Files.createTempFile("network-minutes", ".txt");
		Files.writeString(minutes, "Minutes of the October network meeting, attended by two of our members.");

		// the partner admin finds the dashboard from the partner page and submits evidence with a file
		signIn(admin);
		open("/manage/partners/" + partner);
		browser.findElement(By.id("qualification-link")).click();
		assertThat(row("COLLABORATIVE_NETWORK")).contains("pending").contains("missing");
		new Select(browser.findElement(By.id("requirement"))).selectByValue("NETWORK_PARTICIPATION");
		browser.findElement(By.id("statement")).sendKeys("We attend the region's monthly network meeting " + suffix);
		browser.findElement(By.id("file")).sendKeys(minutes.toAbsolutePath().toString());
		submit("Submit evidence");
		assertThat(text()).contains("Evidence submitted").contains(minutes.getFileName().toString());
		waitForRow("COLLABORATIVE_NETWORK", "awaiting a steward's review");

		// a steward approves it in the review queue
		browser.manage().deleteAllCookies();
		signIn("admin", STEWARD_PASSWORD);
		open("/manage");
		browser.findElement(By.id("review-queue-link")).click();
		WebElement card = browser.findElement(By.xpath("//div[contains(@class,'evidence')][.//p[contains(.,'" + suffix + "')]]"));
		assertThat(card.getText()).contains(legalName).contains(minutes.getFileName().toString());
		card.findElement(By.tagName("textarea")).sendKeys("Minutes seen");
		WebElement approve = card.findElement(By.xpath(".//button[normalize-space()='Approve']"));
		submit(approve);
		assertThat(text()).contains("Evidence approved");

		// the partner's dashboard shows the criterion met
		browser.manage().deleteAllCookies();
		signIn(admin);
		open("/manage/partners/" + partner + "/qualification");
		waitForRow("COLLABORATIVE_NETWORK", "met");
		assertThat(row("COLLABORATIVE_NETWORK")).contains("approved by admin").doesNotContain("pending");
		screenshot("qualification-dashboard.png");

		// and so does the public page, to anyone
		browser.manage().deleteAllCookies();
		open("/qualification/partners/" + partner);
		WebElement section = browser.findElement(By.id("partner-" + partner));
		assertThat(section.getText()).contains(legalName);
		assertThat(section.findElement(By.cssSelector("tr[data-criterion=COLLABORATIVE_NETWORK]")).getText()).contains("met")
				.doesNotContain("pending");
	}

	private String row(String criterion) {
		return browser.findElement(By.id("criterion-" + criterion)).getText();
	}

	/** Re-evaluation runs after the change commits; reload until the row says so. */
	private void waitForRow(String criterion, String expected) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(d -> {
			if (row(criterion).contains(expected)) {
				return true;
			}
			d.navigate().refresh();
			return false;
		});
	}

	private void signIn(String username) {
		signIn(username, PASSWORD);
	}

	private void signIn(String username, String password) {
		signIn(username, password, "/manage");
	}
}
