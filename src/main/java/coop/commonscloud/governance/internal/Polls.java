package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.PollOpened;
import coop.commonscloud.governance.internal.domain.Method;
import coop.commonscloud.governance.internal.domain.PollRules;
import coop.commonscloud.governance.internal.domain.ProposalState;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening polls on proposals under discussion, and announcing them. */
@Service
@RequiredArgsConstructor
class Polls {

	private final PollStore store;
	private final ProposalStore proposals;
	private final Proposals proposalService;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	record Opening(Method method, List<String> options, BigDecimal quorum, BigDecimal threshold, Integer maxPoints,
			Instant opensAt, Instant closesAt, boolean anonymous, boolean resultsHidden) {
	}

	/** The author or a steward opens the poll of a proposal under discussion; its rules are then fixed. */
	@Transactional
	Poll open(UUID proposalId, Opening opening) {
		Proposal proposal = proposalService.get(proposalId);
		proposalService.requireAuthorOrSteward(proposal);
		if (proposal.state() != ProposalState.DISCUSSION) {
			throw new Conflict("A poll opens on a proposal under discussion; this one is in " + proposal.state());
		}
		PollRules rules = new PollRules(opening.method(), opening.options(), opening.quorum(), opening.threshold(),
				opening.maxPoints() == null ? 0 : opening.maxPoints());
		Instant now = Instant.now(clock);
		Instant opensAt = opening.opensAt() == null ? now : opening.opensAt();
		List<String> problems = new ArrayList<>();
		if (opening.closesAt() == null) {
			problems.add("Give the time the poll closes");
		} else {
			if (!opening.closesAt().isAfter(opensAt) || !opening.closesAt().isAfter(now)) {
				problems.add("The poll must close in the future and after it opens");
			}
			if (proposal.changesAParameter() && !proposal.effectiveFrom().isAfter(opening.closesAt())) {
				problems.add("The new value takes effect at " + proposal.effectiveFrom()
						+ ", before the poll closes: close the poll earlier");
			}
		}
		if (proposal.kind() != coop.commonscloud.governance.internal.domain.ProposalKind.GENERAL
				&& !rules.method().decidesYesOrNo()) {
			problems.add("A " + proposal.kind() + " proposal is decided yes or no: choose CONSENT, MAJORITY or SUPERMAJORITY");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Poll poll = new Poll(UUID.randomUUID(), proposalId, rules, opensAt, opening.closesAt(), opening.anonymous(),
				opening.resultsHidden(), proposalService.currentActor());
		store.insert(poll);
		if (!proposals.move(proposalId, ProposalState.DISCUSSION, ProposalState.POLL)) {
			throw new Conflict("The proposal moved on meanwhile; reload it");
		}
		if (!opensAt.isAfter(now)) {
			announce(poll.id());
		}
		return poll;
	}

	/** Publishes {@link PollOpened} once per poll, when it has opened. */
	@Transactional
	void announce(UUID pollId) {
		Poll poll = get(pollId);
		if (store.claimNotice(pollId, "OPENED")) {
			Proposal proposal = proposalService.get(poll.proposalId());
			events.publishEvent(new PollOpened(pollId, proposal.id(), proposal.number(), proposal.title(), poll.closesAt()));
		}
	}

	@Transactional(readOnly = true)
	Poll get(UUID id) {
		return store.find(id).orElseThrow(() -> new NotFound("There is no poll " + id));
	}

	@Transactional(readOnly = true)
	Optional<Poll> forProposal(UUID proposalId) {
		return store.forProposal(proposalId);
	}
}
