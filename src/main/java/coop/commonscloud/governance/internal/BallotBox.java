package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.BallotContent;
import coop.commonscloud.governance.internal.domain.BallotToken;
import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casting ballots. A delegate casts for their organisation (or, holding a proxy, for another
 * member); each casting is kept, and the latest per member counts. In an anonymous poll the first
 * casting claims the member's place and hands out a secret token; changing the ballot later needs
 * that token, and nothing stored links the token to the member.
 */
@Service
@RequiredArgsConstructor
class BallotBox {

	private final PollStore polls;
	private final BallotStore ballots;
	private final Proposals proposals;
	private final Roster roster;
	private final Caller caller;
	private final Clock clock;

	/** {@code token}: the secret shown at the first casting in an anonymous poll, needed to change it. */
	record Casting(UUID memberId, BallotContent content, String token) {
	}

	/** @param token the new secret, only at the first casting in an anonymous poll */
	public record Acknowledgement(String memberName, boolean byProxy, String token, Instant castAt) {
	}

	@Transactional
	Acknowledgement cast(UUID pollId, Casting casting) {
		caller.requireSignedIn();
		polls.lock(pollId);
		Poll poll = polls.find(pollId).orElseThrow(() -> new coop.commonscloud.platform.NotFound("There is no poll " + pollId));
		Instant now = Instant.now(clock);
		if (now.isBefore(poll.opensAt())) {
			throw new Conflict("This poll opens at " + poll.opensAt() + "; ballots are taken from then on");
		}
		if (poll.closedAt(now)) {
			throw new Conflict("This poll closed at " + poll.closesAt() + "; ballots can no longer be cast or changed");
		}
		Proposal proposal = proposals.get(poll.proposalId());
		Voice voice = voiceFor(casting.memberId());
		Member member = voice.member();
		Map<MemberClass, BigDecimal> weights = roster.weights(proposal.kind());
		if (!weights.containsKey(member.memberClass())) {
			throw new NotPermitted(member.name() + " is a " + member.memberClass() + " member, and that class does not vote on "
					+ proposal.kind() + " proposals");
		}
		if (proposal.involvedMembers().contains(member.id())) {
			throw new NotPermitted(member.name() + " is a party to this appeal and does not vote on it");
		}
		if (casting.content() == null) {
			throw new InvalidInput("The ballot is empty: " + String.join(", ", poll.rules().options()));
		}
		List<String> problems = poll.rules().problemsWith(casting.content());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		BigDecimal weight = weights.get(member.memberClass());
		if (!poll.anonymous()) {
			ballots.named(pollId, member.id(), casting.content(), weight);
			ballots.receipt(pollId, member.id(), caller.actor(), voice.byProxy());
			return new Acknowledgement(member.name(), voice.byProxy(), null, now);
		}
		if (casting.token() == null || casting.token().isBlank()) {
			if (!ballots.claimParticipation(pollId, member.id())) {
				throw new Conflict(member.name() + " has already voted in this anonymous poll. To change the ballot, give the "
						+ "ballot token shown when it was first cast");
			}
			BallotToken token = BallotToken.generate();
			ballots.anonymous(pollId, token.hash(), 1, casting.content(), weight);
			ballots.receipt(pollId, member.id(), caller.actor(), voice.byProxy());
			return new Acknowledgement(member.name(), voice.byProxy(), token.secret(), now);
		}
		BallotToken token = new BallotToken(casting.token());
		BallotStore.Revision latest = ballots.latestRevision(pollId, token.hash())
				.orElseThrow(() -> new InvalidInput("That ballot token belongs to no ballot of this poll"));
		if (!ballots.participated(pollId, member.id())) {
			throw new InvalidInput(member.name() + " has not voted in this poll yet: cast a ballot without a token first");
		}
		// a change keeps the weight of the first casting and, unlike it, writes no receipt: a receipt
		// per change would let anyone match the number of changes to a token's revisions
		ballots.anonymous(pollId, token.hash(), latest.number() + 1, casting.content(), latest.weight());
		return new Acknowledgement(member.name(), voice.byProxy(), null, now);
	}

	private Voice voiceFor(UUID memberId) {
		List<Voice> voices = roster.voices();
		if (memberId == null) {
			if (voices.size() == 1) {
				return voices.get(0);
			}
			if (voices.isEmpty()) {
				throw new NotPermitted("You do not speak for any member: only members' delegates vote");
			}
			throw new InvalidInput("You speak for several members: choose which one this ballot is for (memberId)");
		}
		return voices.stream().filter(v -> v.member().id().equals(memberId)).findFirst()
				.orElseThrow(() -> new NotPermitted("You are not a delegate or proxy of member " + memberId));
	}
}
