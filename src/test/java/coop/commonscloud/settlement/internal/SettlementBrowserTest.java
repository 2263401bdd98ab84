package coop.commonscloud.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.BrowserJourney;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** In Chromium: a steward previews a month, posts it, watches it finish, and the public report shows the totals and the chart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettlementTestSources.class)
class SettlementBrowserTest extends BrowserJourney {

	@Autowired
	SettlementTestSources sources;

	@Test
	void a_steward_previews_and_posts_a_month_and_the_public_report_shows_where_the_money_went() throws Exception {
		String a = partner("Co-op A " + suffix, true);
		String b = partner("Co-op B " + suffix, false);
		String nextcloud = offering(a, "Nextcloud " + suffix);
		String forgejo = offering(b, "Forgejo " + suffix);
		YearMonth period = YearMonth.of(2000, 1).plusMonths(new java.util.Random().nextInt(200));
		UUID ngaio = UUID.randomUUID();
		UUID kim = UUID.randomUUID();
		UUID nobody = UUID.randomUUID();
		sources.pay(period, ngaio, 4000);
		sources.use(period, ngaio, nextcloud, 21, 0);
		sources.use(period, ngaio, forgejo, 6, 0);
		sources.pay(period, kim, 1000);
		sources.use(period, kim, forgejo, 3, 0);
		sources.pay(period, nobody, 1000); // used nothing: pro-rata to A (21 days) and B (9 days)

		signIn();
		open("/manage/settlements");
		browser.findElement(By.id("period")).clear();
		browser.findElement(By.id("period")).sendKeys(period.toString());
		submit("Preview");
		assertThat(text()).contains("Preview of " + period).contains("Nothing has been stored");
		assertThat(browser.findElement(By.id("total-payments")).getText()).isEqualTo("60.00");
		assertThat(browser.findElement(By.id("samples")).getText()).contains("to Co-op A " + suffix);

		submit("Post the settlement of " + period);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.id("status")).getText().equals("posted");
		});
		assertThat(browser.findElement(By.id("people-done")).getText()).isEqualTo("3");
		// 60.00 paid: 6.00 stewardship; A 28.00 + 6.30 = 34.30 gross, 3.43 levy; B 8.00 + 9.00 + 2.70 = 19.70, no levy
		assertThat(browser.findElement(By.id("total-stewardship")).getText()).isEqualTo("6.00");
		assertThat(browser.findElement(By.id("total-land-back")).getText()).isEqualTo("3.43");
		assertThat(browser.findElement(By.id("total-providers")).getText()).isEqualTo("50.57");

		browser.findElement(By.id("public-report")).click();
		browser.manage().deleteAllCookies();
		browser.navigate().refresh();
		assertThat(browser.getCurrentUrl()).endsWith("/region/settlements/" + period);
		assertThat(text()).contains("Where the money went in " + period).doesNotContain("Signed in as")
				.doesNotContain(ngaio.toString()).doesNotContain("Nextcloud");
		assertThat(browser.findElement(By.id("total-payments")).getText()).isEqualTo("60.00");
		assertThat(browser.findElement(By.id("total-land-back")).getText()).isEqualTo("3.43");
		assertThat(browser.findElement(By.id("providers")).getText()).contains("Co-op A " + suffix + " yes 1 21 28.00 6.30 34.30 3.43 30.87");
		assertThat(browser.findElements(By.cssSelector("#flow svg[role=img] path.flow-band"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#flow svg path.flow-levy"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector("#flow svg title")).getAttribute("textContent"))
				.isEqualTo("Where the payments of " + period + " went");
		screenshot("settlement-report.png");
	}

	private void signIn() {
		signIn("admin", STEWARD_PASSWORD, "/manage");
	}

	/** Posting a month runs in the background: the page may take a while to move on. */
	@Override
	protected Duration submitWithin() {
		return Duration.ofSeconds(60);
	}

	private String partner(String name, boolean settlerRun) throws Exception {
		String id = id(send("POST", "/api/partners", "{\"legalName\":\"" + name
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"R-" + UUID.randomUUID() + "\"}"));
		send("PUT", "/api/partners/" + id + "/settler-run", "{\"settlerRun\":" + settlerRun + "}");
		return id;
	}

	private String offering(String partner, String application) throws Exception {
		send("PUT", "/api/regions/browser-" + suffix, "{\"name\":\"Browser test region\"}");
		String site = id(send("POST", "/api/sites", "{\"region\":\"browser-" + suffix + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Rack " + UUID.randomUUID() + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
		String server = id(send("POST", "/api/servers", "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv\",\"role\":\"REGIONAL\",\"nominalDrawW\":35,\"lowPowerDrawW\":12,\"batteryWh\":2000,"
				+ "\"renewablePeakW\":400}"));
		String app = id(send("POST", "/api/applications", "{\"name\":\"" + application
				+ "\",\"licence\":\"AGPL-3.0-or-later\",\"coveredByLoRes\":false}"));
		return id(send("POST", "/api/offerings", "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server
				+ "\",\"applicationId\":\"" + app
				+ "\",\"audience\":\"MEMBERS_ONLY\",\"lowResOptionAvailable\":false,\"lowResOptionRecommended\":false}"));
	}
}
