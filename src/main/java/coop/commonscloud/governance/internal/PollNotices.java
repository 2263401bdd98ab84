package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.PollClosed;
import coop.commonscloud.governance.PollOpened;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the eligible members (and their named delegates) when a poll opens and when it closes.
 * Runs after the poll's transaction committed, through Modulith's event publication registry: a
 * failing mail server never undoes a poll or a vote, and the unsent notice stays in the registry
 * to be resubmitted. Without {@code spring.mail.host} no mail is sent.
 */
@Component
class PollNotices {

	private static final Logger log = LoggerFactory.getLogger(PollNotices.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final Proposals proposals;
	private final Roster roster;
	private final String from;
	private final String baseUrl;

	PollNotices(ObjectProvider<JavaMailSender> mail, Proposals proposals, Roster roster,
			@Value("${commonscloud.mail.from:Commons Cloud <no-reply@localhost>}") String from,
			@Value("${commonscloud.public-url:http://localhost:8080}") String baseUrl) {
		this.mail = mail;
		this.proposals = proposals;
		this.roster = roster;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(PollOpened opened) {
		send(opened.proposal(), "Poll open: " + opened.title(),
				"The members' poll on proposal " + opened.proposalNumber() + ", \"" + opened.title() + "\", is open until "
						+ opened.closesAt() + ".\n\nRead it, discuss it and vote: " + page(opened.proposalNumber()) + "\n");
	}

	@ApplicationModuleListener
	void on(PollClosed closed) {
		send(closed.proposal(), "Poll closed: " + closed.title() + " (" + closed.outcome() + ")",
				"The members' poll on proposal " + closed.proposalNumber() + ", \"" + closed.title() + "\", has closed.\n\n"
						+ "Outcome: " + closed.outcome() + ". " + closed.explanation() + "\n\nDecision " + closed.decisionNumber()
						+ ": " + baseUrl + "/governance/decisions/" + closed.decisionNumber() + "\n");
	}

	private void send(UUID proposalId, String subject, String text) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("No mail server configured (spring.mail.host): not sending '{}'", subject);
			return;
		}
		Proposal proposal = proposals.get(proposalId);
		List<String> to = roster.noticeAddresses(proposal.kind(), proposal.involvedMembers());
		if (to.isEmpty()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		// one message, every member in Bcc: members do not learn each other's addresses
		message.setTo(from);
		message.setBcc(to.toArray(String[]::new));
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}

	private String page(long proposalNumber) {
		return baseUrl + "/governance/proposals/" + proposalNumber;
	}
}
