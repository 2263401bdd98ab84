package coop.commonscloud.identity.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.SiteLayout;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.StewardCalls;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** TOTP as a second factor: set up on the account page, then asked for after the password, with recovery codes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
public class SecondFactorTests {

	@LocalServerPort
	int port;

	@Test
	void after_setting_up_totp_signing_in_takes_the_password_and_a_code() throws Exception {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		String username = StewardCalls.unique("totp");
		region.member(username);

		Browser browser = new Browser();
		HttpResponse<String> account = signIn(browser, region, username);
		assertThat(account.uri().getPath()).isEqualTo("/account");
		HttpResponse<String> setup = browser.post(region.base() + "/account/second-factor/start",
				Map.of("_csrf", Browser.csrf(account.body())));
		String secret = match(setup.body(), "id=\"totp-secret\">([A-Z2-7]+)<");
		assertThat(setup.body()).contains("otpauth://totp/");
		HttpResponse<String> wrong = browser.post(region.base() + "/account/second-factor/enable",
				Map.of("code", "000000", "_csrf", Browser.csrf(setup.body())));
		assertThat(wrong.body()).contains("That code is not right");
		SiteLayout.assertHasTheSiteLayout(setup.body());
		SiteLayout.assertHasTheSiteLayout(wrong.body());
		HttpResponse<String> enabled = browser.post(region.base() + "/account/second-factor/enable",
				Map.of("code", code(secret), "_csrf", Browser.csrf(setup.body())));
		List<String> recovery = all(enabled.body(), "class=\"recovery-code\">([^<]+)<");
		assertThat(recovery).hasSize(10);

		// scripts with HTTP Basic cannot pass the second factor
		HttpResponse<String> basic = new Browser().send(HttpRequest.newBuilder(URI.create(region.base() + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, StewardCalls.PASSWORD))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.body()).contains("second factor");

		Browser second = new Browser();
		HttpResponse<String> asked = signInUntilCode(second, region, username);
		HttpResponse<String> refused = second.post(region.base() + "/login/second-factor",
				Map.of("code", "123456", "_csrf", Browser.csrf(asked.body())));
		assertThat(refused.body()).contains("That code is not right");
		SiteLayout.assertHasTheSiteLayout(asked.body());
		SiteLayout.assertHasTheSiteLayout(refused.body());
		String used = code(secret);
		HttpResponse<String> in = second.follow(second.post(region.base() + "/login/second-factor",
				Map.of("code", used, "_csrf", Browser.csrf(asked.body()))));
		assertThat(in.uri().getPath()).isEqualTo("/account");
		assertThat(in.body()).contains("Two-step sign-in is on");

		// the same time step again is a replay; a recovery code works once
		Browser third = new Browser();
		HttpResponse<String> again = signInUntilCode(third, region, username);
		assertThat(third.post(region.base() + "/login/second-factor", Map.of("code", used, "_csrf",
				Browser.csrf(again.body()))).body()).contains("That code is not right");
		HttpResponse<String> recovered = third.follow(third.post(region.base() + "/login/second-factor",
				Map.of("code", recovery.get(0), "_csrf", Browser.csrf(again.body()))));
		assertThat(recovered.uri().getPath()).isEqualTo("/account");
		Browser fourth = new Browser();
		HttpResponse<String> once = signInUntilCode(fourth, region, username);
		assertThat(fourth.post(region.base() + "/login/second-factor", Map.of("code", recovery.get(0), "_csrf",
				Browser.csrf(once.body()))).body()).contains("That code is not right");
	}

	private static HttpResponse<String> signIn(Browser browser, StewardCalls region, String username) {
		HttpResponse<String> login = browser.follow(browser.get(region.base() + "/account"));
		return browser.follow(browser.signIn(login, username, StewardCalls.PASSWORD));
	}

	private static HttpResponse<String> signInUntilCode(Browser browser, StewardCalls region, String username) {
		HttpResponse<String> page = signIn(browser, region, username);
		assertThat(page.uri().getPath()).isEqualTo("/login/second-factor");
		return page;
	}

	public static String code(String secret) throws Exception {
		return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
	}

	private static String match(String html, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(html);
		assertThat(matcher.find()).as(html).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(String html, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(html);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
