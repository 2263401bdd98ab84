package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Method;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Paged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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

/**
 * The signed-in forms (under /manage, so sign-in is required): propose, discuss, open a poll,
 * close it. Bad input comes back to the form with every problem listed. Voting is in {@link VotingForm}.
 */
@Controller
@RequestMapping("/manage/governance")
record GovernanceForms(Proposals proposals, Polls polls, ClosingPoll closing, Roster roster,
			PlatformParameters parameters, Caller caller, Clock clock) {

	@GetMapping("/proposals/new")
	String newProposal(Model model) {
		return proposalForm(model, Map.of(), List.of());
	}

	@PostMapping("/proposals")
	String propose(@RequestParam Map<String, String> form, @RequestParam(required = false) List<UUID> involved, Model model) {
		try {
			Proposal proposal = proposals.propose(new Proposals.Draft(kind(form.get("kind")), form.get("title"),
					form.get("rationale"), blank(form.get("parameterKey")), number(form.get("parameterValue")),
					date(form.get("effectiveFrom")), blank(form.get("criteriaChange")), involved));
			return "redirect:/governance/proposals/" + proposal.number();
		} catch (InvalidInput e) {
			return proposalForm(model, form, e.problems());
		}
	}

	private String proposalForm(Model model, Map<String, String> form, List<String> problems) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", ProposalKind.values());
		model.addAttribute("definitions", parameters.definitions());
		model.addAttribute("members", roster.list(new Paged.Request(0, Paged.MAX_SIZE)).items());
		return "governance/new-proposal";
	}

	@PostMapping("/proposals/{number}/discussion")
	String startDiscussion(@PathVariable long number, RedirectAttributes flash) {
		return attempt(number, flash, () -> proposals.startDiscussion(proposals.byNumber(number).id()),
				"The proposal is now open for discussion");
	}

	@PostMapping("/proposals/{number}/comments")
	String comment(@PathVariable long number, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
		return attempt(number, flash, () -> proposals.comment(proposals.byNumber(number).id(), body), "Your comment was added");
	}

	@GetMapping("/proposals/{number}/poll")
	String pollForm(@PathVariable long number, Model model) {
		return pollForm(model, proposals.byNumber(number), Map.of("method", "CONSENT", "duration", "7", "unit", "DAYS"),
				List.of());
	}

	@PostMapping("/proposals/{number}/poll")
	String openPoll(@PathVariable long number, @RequestParam Map<String, String> form, Model model) {
		Proposal proposal = proposals.byNumber(number);
		try {
			List<String> options = form.getOrDefault("options", "").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
			polls.open(proposal.id(), new Polls.Opening(method(form.get("method")), options, number(form.get("quorum")),
					number(form.get("threshold")), integer(form.get("maxPoints")), null,
					Instant.now(clock).plus(duration(form.get("duration"), form.get("unit"))), form.containsKey("anonymous"),
					form.containsKey("resultsHidden")));
			return "redirect:/governance/proposals/" + number;
		} catch (InvalidInput e) {
			return pollForm(model, proposal, form, e.problems());
		} catch (Conflict e) {
			return pollForm(model, proposal, form, List.of(e.getMessage()));
		}
	}

	private String pollForm(Model model, Proposal proposal, Map<String, String> form, List<String> problems) {
		proposals.requireAuthorOrSteward(proposal);
		model.addAttribute("proposal", proposal);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("methods", proposal.kind() == ProposalKind.GENERAL ? Method.values()
				: Arrays.stream(Method.values()).filter(Method::decidesYesOrNo).toArray(Method[]::new));
		return "governance/open-poll";
	}

	@PostMapping("/proposals/{number}/close")
	String close(@PathVariable long number, RedirectAttributes flash) {
		return attempt(number, flash, () -> {
			Proposal proposal = proposals.byNumber(number);
			proposals.requireAuthorOrSteward(proposal);
			closing.close(polls.forProposal(proposal.id()).orElseThrow(() -> new Conflict("This proposal has no poll")).id(),
					caller.actor());
		}, "The poll is closed and its outcome recorded");
	}

	private String attempt(long number, RedirectAttributes flash, Runnable action, String success) {
		try {
			action.run();
			flash.addFlashAttribute("notice", success);
		} catch (InvalidInput e) {
			flash.addFlashAttribute("problems", e.problems());
		} catch (Conflict e) {
			flash.addFlashAttribute("problems", List.of(e.getMessage()));
		}
		return "redirect:/governance/proposals/" + number;
	}

	static ProposalKind kind(String value) {
		try {
			return value == null || value.isBlank() ? null : ProposalKind.valueOf(value);
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Choose what the proposal is about");
		}
	}

	static Method method(String value) {
		try {
			return value == null || value.isBlank() ? null : Method.valueOf(value);
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Choose a counting method");
		}
	}

	static BigDecimal number(String value) {
		try {
			return value == null || value.isBlank() ? null : new BigDecimal(value.strip().replace(',', '.'));
		} catch (NumberFormatException e) {
			throw new InvalidInput("'" + value + "' is not a number");
		}
	}

	static Integer integer(String value) {
		BigDecimal number = number(value);
		return number == null ? null : number.intValue();
	}

	static Instant date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		} catch (DateTimeParseException e) {
			throw new InvalidInput("Write the date as YYYY-MM-DD, such as 2027-07-01; got '" + value + "'");
		}
	}

	static Duration duration(String amount, String unit) {
		BigDecimal n = number(amount);
		if (n == null || n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(100_000)) > 0) {
			throw new InvalidInput("Say how long the poll stays open: a number above 0");
		}
		long minutes = switch (unit == null ? "DAYS" : unit) {
			case "MINUTES" -> 1;
			case "HOURS" -> 60;
			default -> 24 * 60;
		};
		return Duration.ofSeconds(n.multiply(BigDecimal.valueOf(minutes * 60)).longValue());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
