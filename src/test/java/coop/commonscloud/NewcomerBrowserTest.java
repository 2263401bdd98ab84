package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A newcomer in Chromium: joins from the home page, confirms their address from the mail, signs in and is led
 * through their first steps (a tier, how to pay with the region's bank details, a service from the catalogue, where
 * its data lives), every page in the site's layout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewcomerBrowserTest extends BrowserJourney {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailAndBank(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		properties.add("commonscloud.public-url", () -> "http://localhost:8080"); // links are rewritten to the test's port
		properties.add("commonscloud.region.bank-details.account-name", () -> "Commons Cloud Test Region");
		properties.add("commonscloud.region.bank-details.bsb", () -> "062-000");
		properties.add("commonscloud.region.bank-details.account-number", () -> "1234 5678");
	}

	@Autowired
	Regions regions;
	@Autowired
	Partners partners;
	@Autowired
	Sites sites;
	@Autowired
	Servers servers;
	@Autowired
	Catalogue catalogue;

	@Test
	void a_newcomer_joins_confirms_signs_in_picks_a_tier_sees_how_to_pay_and_picks_a_service() throws Exception {
		Offering offering = anOffering();
		String username = "newcomer-" + suffix;
		open("/");
		browser.findElement(By.id("join-link")).click();
		await(By.id("username"));
		hasTheSiteLayout();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("displayName")).sendKeys("New Person");
		browser.findElement(By.id("email")).sendKeys(username + "@example.org");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		submit(browser.findElement(By.cssSelector("form#sign-up button[type=submit]")));
		assertThat(await(By.id("signed-up")).getText()).contains("Welcome");

		browser.navigate().to(verificationLink(username + "@example.org").replace("http://localhost:8080", "http://localhost:" + port));
		assertThat(await(By.id("verification-result")).getText()).contains("is confirmed as your address");
		hasTheSiteLayout();
		browser.findElement(By.id("first-steps-link")).click();
		await(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		submit("Sign in");

		await(By.id("plan-form"));
		assertThat(browser.getCurrentUrl()).endsWith("/welcome/plan");
		hasTheSiteLayout();
		assertThat(browser.findElement(By.cssSelector("#step-indicator [aria-current=step]")).getText()).isEqualTo("1. Your plan");
		browser.findElement(By.id("tier-FULL")).click();
		browser.findElement(By.id("yearly-amount")).sendKeys("5");
		submit(browser.findElement(By.id("save-plan")));
		assertThat(await(By.id("problems")).getText()).contains("at least AUD 40.00");
		assertThat(browser.findElement(By.id("yearly-amount")).getAttribute("value")).isEqualTo("5");
		assertThat(browser.findElement(By.id("tier-FULL")).isSelected()).isTrue();
		browser.findElement(By.id("yearly-amount")).clear();
		browser.findElement(By.id("yearly-amount")).sendKeys("45");
		submit(browser.findElement(By.id("save-plan")));

		assertThat(await(By.id("plan-to-pay")).getText()).contains("Full").contains("AUD 45.00");
		assertThat(browser.getCurrentUrl()).endsWith("/welcome/pay");
		hasTheSiteLayout();
		assertThat(browser.findElement(By.id("payment-reference")).getText()).matches("CC-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(browser.findElement(By.id("bank-account-name")).getText()).isEqualTo("Commons Cloud Test Region");
		assertThat(browser.findElement(By.id("bank-bsb")).getText()).isEqualTo("062-000");
		assertThat(browser.findElement(By.id("bank-account-number")).getText()).isEqualTo("1234 5678");
		submit(browser.findElement(By.id("continue")));

		await(By.id("services-form"));
		assertThat(browser.getCurrentUrl()).endsWith("/welcome/services");
		hasTheSiteLayout();
		browser.findElement(By.id("offering-" + offering.id().value())).click();
		submit(browser.findElement(By.id("save-services")));

		WebElement placed = await(By.cssSelector("table#data-locations tr.placed"));
		assertThat(browser.getCurrentUrl()).endsWith("/welcome/data");
		hasTheSiteLayout();
		assertThat(placed.getText()).contains("Walk " + suffix).contains("Walk Co-op " + suffix).contains("Walk Library " + suffix);
		submit(browser.findElement(By.id("finish")));

		await(By.id("account-links"));
		assertThat(browser.getCurrentUrl()).endsWith("/account");
		hasTheSiteLayout();
		assertThat(browser.findElements(By.id("continue-setting-up"))).as("set up is finished").isEmpty();
		open("/catalogue");
		hasTheSiteLayout();
		assertThat(text()).contains("Walk " + suffix);
	}

	/** The page has the site's header with its navigation, its stylesheet applied, and the footer. */
	private void hasTheSiteLayout() {
		assertThat(browser.findElements(By.cssSelector("header.site-header nav[aria-label=Main]")))
				.as("the site's navigation at " + browser.getCurrentUrl()).hasSize(1);
		assertThat(browser.findElement(By.cssSelector("header.site-header")).getCssValue("background-color"))
				.as("the site's stylesheet at " + browser.getCurrentUrl()).isNotIn("rgba(0, 0, 0, 0)", "transparent");
		assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).hasSize(1);
	}

	private WebElement await(By element) {
		try {
			return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
		} catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("Not on the page at " + browser.getCurrentUrl() + ": " + element + "\n"
					+ browser.getPageSource(), e);
		}
	}

	private Offering anOffering() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority("ROLE_STEWARD"))));
		try {
			RegionSlug region = new RegionSlug("walk-" + suffix);
			regions.createOrRename(region, "Walk Region " + suffix);
			Partner partner = partners.register(new PartnerDetails("Walk Co-op " + suffix, Structure.UNINCORPORATED_COLLECTIVE,
					null, List.of()));
			Site library = sites.add(new SiteDetails(region, partner.id(), "Walk Library " + suffix, SiteKind.LIBRARY,
					new Coordinates(-37.75, 144.95), null));
			var server = servers.add(new ServerDetails(partner.id(), library.id(), "walk-" + suffix, ServerRole.REGIONAL, null,
					40, 10, 1000, 300, null, null));
			var app = catalogue.addApplication(new ApplicationDetails("Walk " + suffix, "AGPL-3.0-or-later", false, null, null));
			return catalogue.addOffering(new OfferingDetails(partner.id(), server.id(), app.id(), Audience.GENERAL_PUBLIC,
					false, false, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String verificationLink(String to) throws Exception {
		for (int wait = 0; wait < 100; wait++) {
			for (MimeMessage mail : smtp.getReceivedMessages()) {
				if (mail.getAllRecipients()[0].toString().equals(to)) {
					String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
					Matcher link = Pattern.compile("http://\\S+/verify-email\\?token=[A-Za-z0-9_-]+").matcher(body);
					if (link.find()) {
						return link.group();
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no verification mail to " + to);
	}
}
