package coop.commonscloud.identity.internal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to people: over SMTP when {@code spring.mail.host} is set; without SMTP (development) each
 * mail goes to an in-memory outbox that stewards read at {@code /dev/outbox}, and nowhere else.
 * Links in mails start with {@code commonscloud.public-url}. Mail over SMTP needs it set: the platform does not start
 * without it rather than mail links to an address nobody else can open, nor guess its address from a request's Host
 * header, which whoever sends the request chooses. Without SMTP the links, read in the outbox on this machine, start
 * with {@code http://localhost:<server.port>}.
 */
@Component
class Mails {

	record Mail(String to, String subject, String text, Instant at) {
	}

	private static final Logger log = LoggerFactory.getLogger(Mails.class);
	private static final int OUTBOX_SIZE = 100;

	private final JavaMailSender smtp;
	private final String from;
	private final Clock clock;
	private final String publicUrl;
	private final List<Mail> outbox = new ArrayList<>();

	Mails(ObjectProvider<JavaMailSender> smtp, @Value("${spring.mail.host:}") String host,
			@Value("${commonscloud.mail.from:Commons Cloud <no-reply@localhost>}") String from,
			@Value("${commonscloud.public-url:}") String publicUrl, @Value("${server.port:8080}") int port, Clock clock) {
		this.smtp = host.isBlank() ? null : smtp.getIfAvailable();
		this.from = from;
		this.clock = clock;
		if (publicUrl.isBlank() && !host.isBlank()) {
			throw new IllegalStateException("Mail is sent over SMTP (spring.mail.host is set), but commonscloud.public-url "
					+ "is not: set it to the address people open this platform at, such as https://cloud.example.org, "
					+ "so that the links in its mails lead there");
		}
		this.publicUrl = (publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip()).replaceAll("/+$", "");
	}

	/** The address of a page of this platform for a mail, {@code path} starting with a slash. */
	String link(String path) {
		return publicUrl + path;
	}

	boolean outboxInUse() {
		return smtp == null;
	}

	void send(String to, String subject, String text) {
		if (smtp == null) {
			synchronized (outbox) {
				outbox.add(0, new Mail(to, subject, text, clock.instant()));
				if (outbox.size() > OUTBOX_SIZE) {
					outbox.remove(OUTBOX_SIZE);
				}
			}
			log.info("No SMTP server configured (spring.mail.host): the mail '{}' is in the outbox at /dev/outbox", subject);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			smtp.send(message);
		} catch (MailException e) {
			log.error("Could not send the mail '{}': {}", subject, e.getMessage());
			throw e;
		}
	}

	List<Mail> outbox() {
		synchronized (outbox) {
			return List.copyOf(outbox);
		}
	}
}
