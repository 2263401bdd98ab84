package coop.commonscloud.governance.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.NotFound;
import java.util.List;
import coop.commonscloud.platform.Paged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages: proposals, a proposal with its discussion and poll, and the decision log. */
@Controller
record GovernancePages(Proposals proposals, DecisionStore decisions, ProposalView view, Roster roster,
			Partners partners, Caller caller) {

	/** Who the members are and which classes vote on what, with which weight: public, as the boundaries of the commons. */
	@GetMapping("/governance/members")
	String members(Model model) {
		model.addAttribute("members", roster.list(new Paged.Request(0, Paged.MAX_SIZE)));
		model.addAttribute("rights", roster.votingRights());
		model.addAttribute("classes", coop.commonscloud.governance.internal.domain.MemberClass.values());
		model.addAttribute("steward", caller.isSteward());
		model.addAttribute("partners", caller.isSteward() ? partners.list(new Paged.Request(0, Paged.MAX_SIZE)).items() : List.of());
		model.addAttribute("voices", roster.voices().stream().filter(v -> !v.byProxy()).toList());
		return "governance/members";
	}

	@GetMapping("/governance")
	String index(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("proposals", proposals.list(new Paged.Request(Math.max(page, 0), 20)));
		model.addAttribute("voices", view.voices());
		return "governance/index";
	}

	@GetMapping("/governance/proposals/{number}")
	String proposal(@PathVariable long number, Model model) {
		view.fill(model, proposals.byNumber(number));
		return "governance/proposal";
	}

	@GetMapping("/governance/decisions")
	String decisions(@RequestParam(defaultValue = "0") int page, Model model) {
		Paged.Request request = new Paged.Request(Math.max(page, 0), 50);
		model.addAttribute("decisions", new Paged<>(decisions.page(request.offset(), request.size()), request.page(), 50,
				decisions.count()).map(d -> new LoggedDecision(d, proposals.get(d.proposalId()))));
		return "governance/decisions";
	}

	public record LoggedDecision(Decision decision, Proposal proposal) {
	}

	/** A decision's permanent address, as the parameter history links it: its proposal's page, at the outcome. */
	@GetMapping("/governance/decisions/{number}")
	String decision(@PathVariable long number) {
		Decision decision = decisions.byNumber(number).orElseThrow(() -> new NotFound("There is no decision " + number));
		return "redirect:/governance/proposals/" + proposals.get(decision.proposalId()).number() + "#outcome";
	}
}
