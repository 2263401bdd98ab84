package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Count;
import coop.commonscloud.governance.internal.domain.Counting;
import coop.commonscloud.platform.NotPermitted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a poll shows so far. Results hidden until close are hidden from everyone, stewards too.
 * After the close the official outcome is the recorded decision; the totals shown beside it are
 * recounted from the same, now unchangeable, ballots.
 */
@Service
@RequiredArgsConstructor
class Results {

	private final Polls polls;
	private final BallotStore ballots;
	private final DecisionStore decisions;
	private final Clock clock;

	public record NamedVote(String member, String ballot) {
	}

	public record Standing(Poll poll, Count count, Optional<Decision> decision, List<NamedVote> namedVotes) {
	}

	@Transactional(readOnly = true)
	boolean hidden(Poll poll) {
		return poll.resultsHidden() && decisions.forPoll(poll.id()).isEmpty();
	}

	@Transactional(readOnly = true)
	Standing of(UUID pollId) {
		Poll poll = polls.get(pollId);
		Optional<Decision> decision = decisions.forPoll(pollId);
		if (poll.resultsHidden() && decision.isEmpty()) {
			throw new NotPermitted("The results of this poll are hidden until it closes at " + poll.closesAt()
					+ (poll.closedAt(Instant.now(clock)) ? " and its outcome is recorded" : ""));
		}
		Count count = Counting.count(poll.rules(), ballots.counted(pollId, poll.anonymous()));
		List<NamedVote> named = poll.anonymous() ? List.of()
				: ballots.namedBallots(pollId).stream()
						.map(b -> new NamedVote(b.memberName(), BallotInput.describe(b.content(), poll.rules()))).toList();
		return new Standing(poll, count, decision, named);
	}

	@Transactional(readOnly = true)
	List<Receipt> receipts(UUID pollId) {
		polls.get(pollId);
		return ballots.receipts(pollId);
	}
}
