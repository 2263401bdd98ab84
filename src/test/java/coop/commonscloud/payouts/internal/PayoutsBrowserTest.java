package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.HeadlessChromium;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.Posting;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Through a real browser: a steward records a provider's bank details, makes the period's batches
 * from the posted settlement, makes the ABA file, and the file behind the page's link checks out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PayoutsBrowserTest {

	static final String STEWARD_PASSWORD = "steward-password-for-tests";

	@LocalServerPort
	int port;
	@Autowired
	Partners partners;
	@Autowired
	Ledger ledger;

	final YearMonth period = YearMonth.of(ThreadLocalRandom.current().nextInt(3000, 9999), ThreadLocalRandom.current().nextInt(1, 13));
	Partner partner;
	Path profile;
	WebDriver browser;

	@BeforeEach
	void a_partner_credited_by_the_periods_settlement() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, List.of(new SimpleGrantedAuthority("ROLE_STEWARD"))));
		try {
			partner = partners.register(new PartnerDetails("Payout Co-op " + suffix, Structure.REGISTERED_COOPERATIVE,
					"C-" + suffix, List.of()));
			ledger.post(new LedgerTransaction(LocalDate.of(2026, 11, 1), new Cause(Cause.Kind.SETTLEMENT_RUN, "settlement-" + period),
					"Settlement of " + period, List.of(new Posting(LedgerAccount.UNSETTLED_PAYMENTS, Money.of(7_531, "AUD")),
							new Posting(LedgerAccount.providerPayable(partner.id().value()), Money.of(-7_531, "AUD")))));
		} finally {
			SecurityContextHolder.clearContext();
		}
		browser = chromium();
	}

	@AfterEach
	void close_the_browser() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void a_steward_pays_a_provider_and_downloads_a_sound_aba_file() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(STEWARD_PASSWORD);
		browser.findElement(By.cssSelector("form#sign-in button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/manage")));

		browser.get(url("/manage/payouts/partners/" + partner.id()));
		browser.findElement(By.id("bsb")).sendKeys("12-345");
		browser.findElement(By.id("accountNumber")).sendKeys("123456");
		browser.findElement(By.id("accountName")).sendKeys("Payout Co-op");
		browser.findElement(By.cssSelector("form#bank-form button[type=submit]")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems"))).getText())
				.contains("Write the BSB as six digits");
		assertThat(browser.findElement(By.id("accountName")).getAttribute("value")).isEqualTo("Payout Co-op");
		browser.findElement(By.id("bsb")).clear();
		browser.findElement(By.id("bsb")).sendKeys("012-345");
		browser.findElement(By.cssSelector("form#bank-form button[type=submit]")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
				.isEqualTo("Bank details saved");

		browser.get(url("/manage/payouts?period=" + period));
		browser.findElement(By.cssSelector("form#create-form button[type=submit]")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
				.startsWith("1 batch(es) made");
		assertThat(browser.findElement(By.id("batches")).getText()).contains(partner.legalName()).contains("AUD 75.31")
				.contains("CREATED");
		browser.findElement(By.cssSelector("form#export-aba button[type=submit]")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
				.contains("made with 1 payout(s)");
		assertThat(browser.findElement(By.id("batches")).getText()).contains("EXPORTED");
		String href = browser.findElement(By.cssSelector("table#exports a")).getAttribute("href");
		long exportId = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));

		HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/payouts/exports/"
				+ exportId + "/file"))).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
						("admin:" + STEWARD_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(AbaValidator.problems(file.body())).isEmpty();
		assertThat(file.body()).contains("1012-345   123456 500000007531Payout Co-op");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private WebDriver chromium() throws Exception {
		profile = Files.createTempDirectory("commonscloud-chromium-");
		return HeadlessChromium.start(profile, 2200);
	}
}
