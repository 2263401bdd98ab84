package coop.commonscloud.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import coop.commonscloud.governance.PollOpened;
import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.governance.internal.domain.Method;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.platform.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Governance with the modules it reads (parameters, partners), on the real database: opening a
 * poll publishes {@link PollOpened}, and the poll notices mail the eligible members about it. The
 * caller (identity's) and the mail server are mocked; everything else is governance's own.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class GovernanceModuleTests {

	@Autowired
	Roster roster;
	@Autowired
	Proposals proposals;
	@Autowired
	Polls polls;
	@MockitoBean
	Caller caller;
	@MockitoBean
	JavaMailSender mail;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	/** The platform's clock is an auto-configuration Modulith leaves out of a module's context: see LedgerModuleTests. */

	@BeforeEach
	void aSteward() {
		given(caller.username()).willReturn(Optional.of("admin"));
		given(caller.actor()).willReturn("admin");
		given(caller.isSteward()).willReturn(true);
	}

	@Test
	void opening_a_poll_publishes_poll_opened_and_mails_the_members(Scenario scenario) {
		String email = "person-" + suffix + "@example.coop";
		roster.admit(new Roster.Admission(MemberClass.PERSON, "Person " + suffix, null, "person-" + suffix, email));
		UUID proposal = proposals.propose(new Proposals.Draft(ProposalKind.GENERAL, "Meet monthly " + suffix,
				"So that we see each other", null, null, null, null, List.of())).id();
		proposals.startDiscussion(proposal);

		scenario.stimulate(() -> polls.open(proposal, new Polls.Opening(Method.MAJORITY, null, null, null, null, null,
						Instant.now().plusSeconds(3600), false, false)))
				.andWaitForEventOfType(PollOpened.class)
				.matching(opened -> opened.proposal().equals(proposal))
				.toArriveAndVerify(opened -> {
					assertThat(opened.title()).isEqualTo("Meet monthly " + suffix);
					ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
					verify(mail, timeout(Duration.ofSeconds(20).toMillis()).atLeastOnce()).send(sent.capture());
					assertThat(sent.getAllValues()).anySatisfy(message -> {
						assertThat(message.getSubject()).isEqualTo("Poll open: Meet monthly " + suffix);
						assertThat(message.getBcc()).contains(email);
					});
				});
	}
}
