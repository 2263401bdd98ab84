package coop.commonscloud.identity.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Links in mails start with the platform's public address, which mail over SMTP cannot do without. */
class MailLinksTests {

	static final ObjectProvider<JavaMailSender> NO_SENDER = new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class);

	@Test
	void links_start_with_the_public_address_without_its_trailing_slash() {
		Mails mails = new Mails(NO_SENDER, "smtp.example.org", "Region <no-reply@example.org>", "https://cloud.example.org/",
				8080, Clock.systemUTC());
		assertThat(mails.link("/verify-email?token=abc")).isEqualTo("https://cloud.example.org/verify-email?token=abc");
	}

	@Test
	void mail_over_smtp_without_a_public_address_is_refused_at_start_naming_the_setting() {
		assertThatThrownBy(() -> new Mails(NO_SENDER, "smtp.example.org", "Region <no-reply@example.org>", " ", 8080,
				Clock.systemUTC()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("commonscloud.public-url")
				.hasMessageContaining("spring.mail.host");
	}

	@Test
	void without_smtp_the_outboxs_links_lead_to_this_machine_at_its_port() {
		Mails mails = new Mails(NO_SENDER, "", "Region <no-reply@example.org>", "", 9090, Clock.systemUTC());
		assertThat(mails.outboxInUse()).isTrue();
		assertThat(mails.link("/password-reset/new?token=abc")).isEqualTo("http://localhost:9090/password-reset/new?token=abc");
	}
}
