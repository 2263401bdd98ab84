package coop.commonscloud.identity.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.StewardCalls;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A new account's address is confirmed through a link mailed over SMTP (a GreenMail server in this process). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailVerificationTests {

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
	@Autowired
	JdbcClient jdbc;

	@Test
	void the_emailed_link_verifies_the_address_once() throws Exception {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		String username = StewardCalls.unique("mail");
		String accountId = region.member(username);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessagesForDomain("example.org")[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(username + "@example.org");
		String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
		Matcher link = Pattern.compile("http://\\S+/verify-email\\?token=[A-Za-z0-9_-]+").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		String url = link.group().replace("http://localhost:8080", region.base());

		HttpResponse<String> verified = new Browser().get(url);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("is confirmed as your address");
		assertThat(jdbc.sql("select email_verified from account where id = cast(:id as uuid)").param("id", accountId)
				.query(Boolean.class).single()).isTrue();

		HttpResponse<String> again = new Browser().get(url);
		assertThat(again.body()).contains("already used");
		assertThat(new Browser().get(region.base() + "/verify-email?token=forged").body()).contains("not known");
	}
}
