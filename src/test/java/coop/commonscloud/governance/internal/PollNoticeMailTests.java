package coop.commonscloud.governance.internal;

import static coop.commonscloud.governance.internal.GovernanceFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Members hear by email when a poll opens and when it closes; a real SMTP server (GreenMail) receives the mail. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + PollNoticeMailTests.SMTP_PORT,
		"commonscloud.public-url=http://localhost:8080" })
@AutoConfigureMockMvc
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class PollNoticeMailTests {

	static final int SMTP_PORT = 3925;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
			.withPerMethodLifecycle(false);

	@Autowired
	MockMvc mvc;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void a_eligible_members_and_their_delegates_are_mailed_when_a_poll_opens_and_closes() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		String north = "secretary-" + f.suffix + "@north.example.coop";
		String south = "board-" + f.suffix + "@south.example.coop";
		String delegate = "delegate-" + f.suffix + "@south.example.coop";
		var northOrg = f.partnerMember("North Co-op", north);
		var southOrg = f.partnerMember("South Co-op", south);
		f.send(post("/api/governance/members/" + southOrg.memberId() + "/delegates"), STEWARD,
				"{\"username\":\"" + f.account("south-delegate", "MEMBER", null) + "\",\"email\":\"" + delegate + "\"}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);

		String poll = f.poll(northOrg.admin(), f.generalProposal(northOrg.admin()), "MAJORITY", closesAt, false, false, null);
		f.cast(northOrg.admin(), poll, "{\"choice\":\"For\"}");
		f.close(STEWARD, poll, closesAt);

		List<MimeMessage> opened = awaitMail("Poll open: Meet monthly " + f.suffix, 4);
		List<MimeMessage> closed = awaitMail("Poll closed: Meet monthly " + f.suffix + " (PASSED)", 4);
		for (String address : List.of(north, south, delegate)) {
			// one copy per envelope recipient: the sender's own To plus one for each member and delegate in Bcc
			assertThat(inbox(address).stream().map(PollNoticeMailTests::subject))
					.as(address).contains(subject(opened.get(0)), subject(closed.get(0)));
		}
		// Bcc: no member sees another's address
		assertThat(opened.get(0).getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
				.containsExactly("Commons Cloud <no-reply@localhost>");
		assertThat(opened.get(0).getContent().toString()).contains("/governance/proposals/");
		assertThat(closed.get(0).getContent().toString()).contains("Outcome: PASSED").contains("/governance/decisions/");
	}

	@Test
	void z_a_mail_server_that_is_down_loses_no_vote_and_no_decision_and_the_notice_waits_to_be_resent() throws Exception {
		smtp.stop();
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var org = f.partnerMember("Offline Co-op", "offline-" + f.suffix + "@example.coop");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);

		String poll = f.poll(org.admin(), f.generalProposal(org.admin()), "MAJORITY", closesAt, false, false, null);
		f.cast(org.admin(), poll, "{\"choice\":\"For\"}");
		String decision = f.close(STEWARD, poll, closesAt);

		assertThat(decision).contains("PASSED");
		assertThat(jdbc.sql("select count(*) from named_ballot where poll_id = cast(:p as uuid)").param("p", poll)
				.query(Long.class).single()).isEqualTo(1);
		long deadline = System.currentTimeMillis() + 15_000;
		long unsent = 0;
		while (System.currentTimeMillis() < deadline && unsent < 2) {
			Thread.sleep(200);
			unsent = jdbc.sql("select count(*) from event_publication where completion_date is null "
					+ "and listener_id like '%PollNotices%' and serialized_event like :poll")
					.param("poll", "%" + poll + "%").query(Long.class).single();
		}
		assertThat(unsent).as("notices kept in the event publication registry for resubmission").isEqualTo(2);
	}

	private static List<MimeMessage> awaitMail(String subject, int recipients) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			List<MimeMessage> matching = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals(subject)).toList();
			if (matching.size() >= recipients) {
				return matching;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no mail '" + subject + "' for " + recipients + " recipients within 15 s; got "
				+ Arrays.stream(smtp.getReceivedMessages()).map(PollNoticeMailTests::subject).toList());
	}

	private static List<MimeMessage> inbox(String address) throws Exception {
		var user = smtp.getUserManager().getUserByEmail(address);
		assertThat(user).as("a mailbox for " + address).isNotNull();
		return smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
				.map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		} catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
