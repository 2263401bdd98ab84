package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.BallotContent;
import coop.commonscloud.governance.internal.domain.PollRules;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ballot form: one choice, a ranking (a rank per option) or points per option, for a member the voter speaks for. */
@Controller
@RequestMapping("/manage/governance/proposals/{number}/vote")
record VotingForm(Proposals proposals, Polls polls, BallotBox ballotBox, ProposalView view) {

	@GetMapping
	String form(@PathVariable long number, Model model) {
		return form(model, number, List.of());
	}

	@PostMapping
	String cast(@PathVariable long number, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
		Proposal proposal = proposals.byNumber(number);
		Poll poll = polls.forProposal(proposal.id()).orElseThrow(() -> new Conflict("This proposal has no poll yet"));
		try {
			String member = form.get("memberId");
			BallotBox.Acknowledgement ack = ballotBox.cast(poll.id(), new BallotBox.Casting(
					member == null || member.isBlank() ? null : UUID.fromString(member), content(poll.rules(), form),
					form.get("token")));
			if (ack.token() != null) {
				model.addAttribute("proposal", proposal);
				model.addAttribute("ack", ack);
				return "governance/voted";
			}
			flash.addFlashAttribute("notice", "Your ballot for " + ack.memberName() + " was recorded"
					+ (ack.byProxy() ? " (as its proxy)" : "") + ". You can change it until the poll closes.");
			return "redirect:/governance/proposals/" + number;
		} catch (InvalidInput e) {
			return form(model, number, e.problems());
		} catch (Conflict | coop.commonscloud.platform.NotPermitted e) {
			return form(model, number, List.of(e.getMessage()));
		}
	}

	private String form(Model model, long number, List<String> problems) {
		Proposal proposal = proposals.byNumber(number);
		model.addAttribute("proposal", proposal);
		model.addAttribute("poll", polls.forProposal(proposal.id()).orElseThrow(() -> new Conflict("This proposal has no poll yet")));
		model.addAttribute("voices", view.voices());
		model.addAttribute("problems", problems);
		return "governance/vote";
	}

	/** Reads the form: {@code choice}; {@code rank-N} (1 = first preference, blank = unranked); or {@code points-N}. */
	static BallotContent content(PollRules rules, Map<String, String> form) {
		int n = rules.options().size();
		if (rules.method().decidesYesOrNo()) {
			return new BallotInput(form.get("choice"), null, null).toContent(rules);
		}
		if (rules.method().ranked()) {
			List<int[]> ranks = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Integer rank = GovernanceForms.integer(form.get("rank-" + i));
				if (rank != null) {
					ranks.add(new int[] { rank, i });
				}
			}
			if (ranks.stream().map(r -> r[0]).distinct().count() != ranks.size()) {
				throw new InvalidInput("Give each ranked option a different rank (1 for your first preference)");
			}
			ranks.sort(Comparator.comparingInt(r -> r[0]));
			return new BallotContent.Ranking(ranks.stream().map(r -> r[1]).toList());
		}
		List<Integer> points = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Integer p = GovernanceForms.integer(form.get("points-" + i));
			points.add(p == null ? 0 : p);
		}
		return new BallotContent.Points(points);
	}
}
