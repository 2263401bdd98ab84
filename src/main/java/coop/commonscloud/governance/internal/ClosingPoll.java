package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.PollClosed;
import coop.commonscloud.governance.internal.domain.Count;
import coop.commonscloud.governance.internal.domain.Counting;
import coop.commonscloud.governance.internal.domain.Outcome;
import coop.commonscloud.governance.internal.domain.ProposalState;
import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closes a poll once its time is up: counts the ballots that count, records the decision, and
 * puts a passed parameter change into the platform parameters, all in one transaction.
 */
@Service
@RequiredArgsConstructor
class ClosingPoll {

	static final String RECORDED_BY = "governance";

	private final PollStore polls;
	private final BallotStore ballots;
	private final DecisionStore decisions;
	private final ProposalStore proposals;
	private final PlatformParameters parameters;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	/** Closes the poll (idempotently: a closed poll's decision is returned as it is). */
	@Transactional
	Decision close(UUID pollId, String closedBy) {
		polls.lock(pollId);
		Poll poll = polls.find(pollId).orElseThrow(() -> new NotFound("There is no poll " + pollId));
		var existing = decisions.forPoll(pollId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = Instant.now(clock);
		if (!poll.closedAt(now)) {
			throw new Conflict("This poll closes at " + poll.closesAt() + "; it cannot be closed before then");
		}
		Proposal proposal = proposals.find(poll.proposalId()).orElseThrow();
		Count count = Counting.count(poll.rules(), ballots.counted(pollId, poll.anonymous()));
		String winner = count.winner() < 0 ? null : poll.rules().options().get(count.winner());
		Decision decision = decisions.insert(new Decision(UUID.randomUUID(), 0, pollId, proposal.id(), count.outcome(), winner,
				count.explanation(), count.weightCast(), count.ballotsCast(), details(poll, count), now, closedBy));
		proposals.move(proposal.id(), ProposalState.POLL, ProposalState.OUTCOME);
		if (count.outcome() == Outcome.PASSED && proposal.changesAParameter()) {
			Instant effective = proposal.effectiveFrom().isAfter(now) ? proposal.effectiveFrom() : now;
			parameters.set(new ParameterChange(Proposals.key(proposal), proposal.parameterValue(), effective, RECORDED_BY,
					"Decision " + decision.number() + " of the members: " + proposal.title(), decision.reference()));
			proposals.move(proposal.id(), ProposalState.OUTCOME, ProposalState.IMPLEMENTED);
		}
		if (polls.claimNotice(pollId, "CLOSED")) {
			events.publishEvent(new PollClosed(pollId, proposal.id(), proposal.number(), proposal.title(), decision.number(),
					decision.outcome().name(), decision.explanation()));
		}
		return decision;
	}

	private String details(Poll poll, Count count) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", poll.rules().method().name());
		details.put("options", poll.rules().options());
		details.put("quorum", poll.rules().quorum());
		if (poll.rules().threshold() != null) {
			details.put("threshold", poll.rules().threshold());
		}
		if (poll.rules().maxPoints() > 0) {
			details.put("maxPoints", poll.rules().maxPoints());
		}
		details.put("anonymous", poll.anonymous());
		details.put("outcome", count.outcome().name());
		details.put("explanation", count.explanation());
		details.put("weightCast", count.weightCast());
		details.put("ballotsCast", count.ballotsCast());
		details.put("totals", count.totals());
		details.put("workings", count.workings());
		return json.writeValueAsString(details);
	}
}
