package coop.commonscloud.identity.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.SiteLayout;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** On their account page a person sees their profile, changes their password and revokes a service's access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class AccountPageTests {

	@LocalServerPort
	int port;

	@Test
	void a_person_revokes_a_service_and_changes_their_password() {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		StewardCalls.Client client = region.client("Matrix of Co-op B", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("owner");
		region.member(username);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		Browser browser = new Browser();
		Pkce pkce = Pkce.fresh();
		String refreshToken = JsonPath.read(flow.exchange(client, flow.code(browser, client, pkce, username),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier()).body(), "$.refresh_token");

		HttpResponse<String> page = browser.get(region.base() + "/account");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(username).contains("Person " + username).contains("not confirmed yet")
				.contains("Matrix of Co-op B");
		SiteLayout.assertHasTheSiteLayout(page.body());

		HttpResponse<String> revoked = browser.post(region.base() + "/account/services/revoke",
				Map.of("clientId", client.clientId(), "_csrf", Browser.csrf(page.body())));
		assertThat(Browser.location(revoked)).endsWith("/account?revoked");
		assertThat(flow.refresh(client, refreshToken).statusCode()).isEqualTo(400);
		assertThat(browser.get(region.base() + "/account").body()).doesNotContain("Matrix of Co-op B");

		String csrf = Browser.csrf(browser.get(region.base() + "/account").body());
		HttpResponse<String> wrong = browser.post(region.base() + "/account/password", Map.of("current", "not-my-password",
				"password", "another-long-password", "repeated", "another-long-password", "_csrf", csrf));
		assertThat(wrong.body()).contains("Your current password is not right");
		SiteLayout.assertHasTheSiteLayout(wrong.body());
		HttpResponse<String> changed = browser.post(region.base() + "/account/password", Map.of("current",
				StewardCalls.PASSWORD, "password", "another-long-password", "repeated", "another-long-password", "_csrf", csrf));
		assertThat(Browser.location(changed)).endsWith("/account?password-changed");
		assertThat(signIn(region, username, "another-long-password")).isEqualTo(400);
		assertThat(signIn(region, username, StewardCalls.PASSWORD)).isEqualTo(401);
	}

	@Test
	void a_person_signs_out_another_browser_from_the_account_page() {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		String username = StewardCalls.unique("sessions");
		region.member(username);
		Browser laptop = new Browser();
		Browser phone = new Browser();
		for (Browser browser : List.of(laptop, phone)) {
			HttpResponse<String> login = browser.follow(browser.get(region.base() + "/account"));
			assertThat(browser.follow(browser.signIn(login, username, StewardCalls.PASSWORD)).uri().getPath())
					.isEqualTo("/account");
		}
		HttpResponse<String> page = laptop.get(region.base() + "/account");
		assertThat(page.body().split("class=\"account-session\"", -1)).hasSize(3);
		assertThat(page.body()).contains("this browser");
		java.util.regex.Matcher other = java.util.regex.Pattern.compile("name=\"session\" value=\"([0-9a-f-]+)\"")
				.matcher(page.body());
		assertThat(other.find()).isTrue();

		HttpResponse<String> ended = laptop.post(region.base() + "/account/sessions/end",
				Map.of("session", other.group(1), "_csrf", Browser.csrf(page.body())));
		assertThat(Browser.location(ended)).endsWith("/account?session-ended");
		assertThat(Browser.location(phone.get(region.base() + "/account"))).endsWith("/login");
		assertThat(laptop.get(region.base() + "/account").statusCode()).isEqualTo(200);
	}

	@Test
	void suspending_an_account_signs_out_its_browsers_at_once() {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		String username = StewardCalls.unique("suspended");
		String accountId = region.member(username);
		Browser browser = new Browser();
		HttpResponse<String> login = browser.follow(browser.get(region.base() + "/account"));
		assertThat(browser.follow(browser.signIn(login, username, StewardCalls.PASSWORD)).uri().getPath())
				.isEqualTo("/account");

		region.suspend(accountId);

		assertThat(Browser.location(browser.get(region.base() + "/account"))).endsWith("/login");
	}

	@Test
	void the_account_page_needs_a_sign_in() {
		HttpResponse<String> response = new Browser().get("http://127.0.0.1:" + port + "/account");
		assertThat(Browser.location(response)).endsWith("/login");
	}

	private static int signIn(StewardCalls region, String username, String password) {
		return new Browser().send(HttpRequest.newBuilder(URI.create(region.base() + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, password)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode();
	}
}
