package coop.commonscloud.identity.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.commonscloud.HeadlessChromium;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.signin.SecondFactorTests;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person in Chromium: signs up, confirms their address from the mail (read from an SMTP server
 * in this process), signs in, turns on two-step sign-in, signs out and signs in with a TOTP code.
 * Uses the machine's /usr/bin/chromium and /usr/bin/chromedriver; nothing is downloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class SignUpToTotpBrowserTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("commonscloud.public-url", () -> "http://localhost:8080"); // links are rewritten to the test's port
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	WebDriver browser;
	File profile;

	@BeforeEach
	void chromium() throws Exception {
		profile = Files.createTempDirectory("chromium-profile").toFile();
		browser = HeadlessChromium.start(profile.toPath(), 1200);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(profile);
	}

	@Test
	void sign_up_verify_sign_in_enable_totp_sign_out_and_sign_in_with_totp() throws Exception {
		String base = "http://127.0.0.1:" + port;
		String username = "chromium-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a-password-for-chromium";

		browser.get(base + "/");
		browser.findElement(By.id("join-link")).click();
		await(By.id("username"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/sign-up");
		hasTheSiteLayout();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("displayName")).sendKeys("Chromium Person");
		browser.findElement(By.id("email")).sendKeys(username + "@example.org");
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		assertThat(browser.findElement(By.id("signed-up")).getText()).contains("Welcome");
		hasTheSiteLayout();

		browser.get(verificationLink(username + "@example.org").replace("http://localhost:8080", base));
		assertThat(browser.findElement(By.id("verification-result")).getText()).contains("is confirmed as your address");
		hasTheSiteLayout();

		browser.get(base + "/account");
		signIn(username, password);
		// the hash takes a while on a loaded machine: wait for the answer to land before reading the address
		leave("/login");
		assertThat(browser.getCurrentUrl()).contains("/account");
		assertThat(browser.getPageSource()).contains("(confirmed)");
		hasTheSiteLayout();

		browser.findElement(By.id("totp-start")).click();
		String secret = await(By.id("totp-secret")).getText();
		browser.findElement(By.id("totp-code")).sendKeys(SecondFactorTests.code(secret));
		browser.findElement(By.id("totp-enable")).click();
		await(By.id("recovery-codes"));
		assertThat(browser.findElements(By.className("recovery-code"))).hasSize(10);

		browser.findElement(By.id("sign-out")).click();
		// signing out lands on the sign-in page; wait for it before asking for the account page again
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
				.until(d -> d.getCurrentUrl().endsWith("/login?logout"));
		browser.get(base + "/account");
		assertThat(browser.getCurrentUrl()).endsWith("/login");

		signIn(username, password);
		await(By.id("code"));
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		hasTheSiteLayout();
		browser.findElement(By.id("code")).sendKeys(SecondFactorTests.code(secret));
		browser.findElement(By.id("code-submit")).click();
		leave("/login/second-factor");
		assertThat(browser.getCurrentUrl()).contains("/account");
		assertThat(await(By.id("second-factor-on")).getText()).contains("Two-step sign-in is on");
	}

	/** The page has the site's header with its navigation, its stylesheet applied, and the footer. */
	private void hasTheSiteLayout() {
		assertThat(browser.findElements(By.cssSelector("header.site-header nav[aria-label=Main]")))
				.as("the site's navigation at " + browser.getCurrentUrl()).hasSize(1);
		assertThat(browser.findElement(By.cssSelector("header.site-header")).getCssValue("background-color"))
				.as("the site's stylesheet at " + browser.getCurrentUrl()).isNotIn("rgba(0, 0, 0, 0)", "transparent");
		assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).hasSize(1);
	}

	private org.openqa.selenium.WebElement await(By element) {
		try {
			return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
					.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(element));
		} catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("Not on the page at " + browser.getCurrentUrl() + ": " + element + "\n"
					+ browser.getPageSource(), e);
		}
	}

	/** Waits (up to 20 s) until the browser is no longer at the given path. */
	private void leave(String path) {
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
				.until(d -> !d.getCurrentUrl().endsWith(path));
	}

	private void signIn(String username, String password) {
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button")).click();
	}

	private static String verificationLink(String to) throws Exception {
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getAllRecipients()[0].toString().equals(to)) {
				String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
				Matcher link = Pattern.compile("http://\\S+/verify-email\\?token=[A-Za-z0-9_-]+").matcher(body);
				if (link.find()) {
					return link.group();
				}
			}
		}
		throw new AssertionError("no verification mail to " + to);
	}
}
