package coop.commonscloud.identity.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.StewardCalls;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A forgotten password is replaced through a link mailed over SMTP (GreenMail in this process). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordResetTests {

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

	@Test
	void a_mailed_link_sets_a_new_password_once() throws Exception {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		String username = StewardCalls.unique("forgot");
		region.member(username);
		Browser browser = new Browser();
		HttpResponse<String> ask = browser.get(region.base() + "/password-reset");
		HttpResponse<String> sent = browser.post(region.base() + "/password-reset",
				Map.of("account", username, "_csrf", Browser.csrf(ask.body())));
		assertThat(sent.body()).contains("If an account with that name or address exists");
		HttpResponse<String> unknown = browser.post(region.base() + "/password-reset",
				Map.of("account", "nobody-at-all", "_csrf", Browser.csrf(ask.body())));
		assertThat(unknown.body()).isEqualTo(sent.body());

		String url = link(username + "@example.org").replace("http://localhost:8080", region.base());
		HttpResponse<String> choose = browser.get(url);
		assertThat(choose.body()).contains("Choose a new password");
		String token = url.substring(url.indexOf("token=") + 6);
		HttpResponse<String> changed = browser.post(region.base() + "/password-reset/new", Map.of("token", token,
				"password", "a-brand-new-password", "repeated", "a-brand-new-password", "_csrf", Browser.csrf(choose.body())));
		assertThat(changed.body()).contains("Your password is changed");

		assertThat(signIn(region, username, "a-brand-new-password")).isEqualTo(400);
		assertThat(signIn(region, username, StewardCalls.PASSWORD)).isEqualTo(401);
		assertThat(browser.get(url).body()).contains("This link is not valid");
	}

	private static int signIn(StewardCalls region, String username, String password) {
		return new Browser().send(HttpRequest.newBuilder(URI.create(region.base() + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, password)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode();
	}

	private static String link(String to) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			for (MimeMessage mail : smtp.getReceivedMessages()) {
				if (Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(to))
						&& mail.getSubject().contains("new password")) {
					String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
					Matcher link = Pattern.compile("http://\\S+/password-reset/new\\?token=[A-Za-z0-9_-]+").matcher(body);
					if (link.find()) {
						return link.group();
					}
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no password-reset mail to " + to);
	}
}
