package coop.commonscloud.governance.internal;

import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Gathers what the proposal page shows: the proposal, its discussion, its poll and, when visible, the results. */
@Component
@RequiredArgsConstructor
class ProposalView {

	private final Proposals proposals;
	private final Polls polls;
	private final Results results;
	private final Roster roster;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final Clock clock;

	void fill(Model model, Proposal proposal) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("comments", proposals.comments(proposal.id()));
		model.addAttribute("signedIn", caller.username().isPresent());
		model.addAttribute("username", caller.username().orElse(null));
		model.addAttribute("canManage", caller.isSteward()
				|| caller.username().filter(u -> u.equalsIgnoreCase(proposal.author())).isPresent());
		model.addAttribute("voices", roster.voices());
		model.addAttribute("involved", proposal.involvedMembers().stream().map(roster::get).map(Member::name).toList());
		if (proposal.changesAParameter()) {
			ParameterKey key = Proposals.key(proposal);
			model.addAttribute("currentValue", parameters.current(key));
		}
		Optional<Poll> poll = polls.forProposal(proposal.id());
		model.addAttribute("poll", poll.orElse(null));
		if (poll.isEmpty()) {
			return;
		}
		Poll p = poll.get();
		Instant now = Instant.now(clock);
		model.addAttribute("pollTakesBallots", p.takesBallotsAt(now));
		model.addAttribute("pollTimeIsUp", p.closedAt(now));
		model.addAttribute("receipts", results.receipts(p.id()));
		boolean hidden = results.hidden(p);
		model.addAttribute("resultsHidden", hidden);
		if (!hidden) {
			Results.Standing standing = results.of(p.id());
			model.addAttribute("standing", standing);
			model.addAttribute("decision", standing.decision().orElse(null));
			String winner = standing.count().winner() < 0 ? null : p.rules().options().get(standing.count().winner());
			model.addAttribute("chart", standing.count().totals().isEmpty() ? null
					: ResultChart.svg("Results of the poll on " + proposal.title(), standing.count().totals(), winner));
			model.addAttribute("workings", standing.count().workings());
			if (proposal.changesAParameter() && standing.decision().isPresent()) {
				String reference = standing.decision().get().reference();
				Optional<ParameterEntry> applied = parameters.history(Proposals.key(proposal)).stream()
						.filter(e -> reference.equals(e.decision())).findFirst();
				model.addAttribute("appliedChange", applied.orElse(null));
			}
		}
	}

	List<Voice> voices() {
		return roster.voices();
	}
}
