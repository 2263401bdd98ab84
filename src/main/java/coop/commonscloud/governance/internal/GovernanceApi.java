package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Method;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Paged;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Proposals, their discussion and polls. Reading is public; writing needs a member's delegate or a steward. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance")
record GovernanceApi(Proposals proposals, Polls polls, BallotBox ballotBox, ClosingPoll closing, Caller caller) {

	@GetMapping("/proposals")
	Paged<Proposal> proposals(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return proposals.list(new Paged.Request(page, size));
	}

	@PostMapping("/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	Proposal propose(@RequestBody Proposals.Draft draft) {
		return proposals.propose(draft);
	}

	@GetMapping("/proposals/{id}")
	Proposal proposal(@PathVariable UUID id) {
		return proposals.get(id);
	}

	@PostMapping("/proposals/{id}/discussion")
	Proposal startDiscussion(@PathVariable UUID id) {
		return proposals.startDiscussion(id);
	}

	@GetMapping("/proposals/{id}/comments")
	List<Comment> comments(@PathVariable UUID id) {
		return proposals.comments(id);
	}

	record NewComment(String body) {
	}

	@PostMapping("/proposals/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	List<Comment> comment(@PathVariable UUID id, @RequestBody NewComment comment) {
		proposals.comment(id, comment.body());
		return proposals.comments(id);
	}

	record PollView(UUID id, UUID proposalId, Method method, List<String> options, BigDecimal quorum, BigDecimal threshold,
			int maxPoints, Instant opensAt, Instant closesAt, boolean anonymous, boolean resultsHidden, String openedBy) {

		static PollView of(Poll p) {
			return new PollView(p.id(), p.proposalId(), p.rules().method(), p.rules().options(), p.rules().quorum(),
					p.rules().threshold(), p.rules().maxPoints(), p.opensAt(), p.closesAt(), p.anonymous(), p.resultsHidden(),
					p.openedBy());
		}
	}

	@PostMapping("/proposals/{id}/poll")
	@ResponseStatus(HttpStatus.CREATED)
	PollView openPoll(@PathVariable UUID id, @RequestBody Polls.Opening opening) {
		return PollView.of(polls.open(id, opening));
	}

	@GetMapping("/polls/{id}")
	PollView poll(@PathVariable UUID id) {
		return PollView.of(polls.get(id));
	}

	record NewBallot(UUID memberId, String choice, List<String> ranking, Map<String, Integer> points, String token) {
	}

	@PostMapping("/polls/{id}/ballots")
	@ResponseStatus(HttpStatus.CREATED)
	BallotBox.Acknowledgement cast(@PathVariable UUID id, @RequestBody NewBallot ballot) {
		Poll poll = polls.get(id);
		return ballotBox.cast(id, new BallotBox.Casting(ballot.memberId(),
				new BallotInput(ballot.choice(), ballot.ranking(), ballot.points()).toContent(poll.rules()), ballot.token()));
	}

	/** The author or a steward closes a poll whose time is up (the clock does so too, every few seconds). */
	@PostMapping("/polls/{id}/close")
	Decision close(@PathVariable UUID id) {
		Poll poll = polls.get(id);
		proposals.requireAuthorOrSteward(proposals.get(poll.proposalId()));
		return closing.close(id, caller.actor());
	}
}
