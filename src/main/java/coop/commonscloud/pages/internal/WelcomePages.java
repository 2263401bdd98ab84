package coop.commonscloud.pages.internal;

import coop.commonscloud.billing.Membership;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.catalogue.ServiceChoices;
import coop.commonscloud.platform.AccountId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A newcomer's four first steps, each a plain form that can be skipped: choose a plan, see how to pay, pick services
 * from the catalogue, see where their data lives. Finishing (or skipping the rest) ends them.
 */
@Controller
@RequiredArgsConstructor
class WelcomePages {

	/** The steps in order, as the step indicator names them. */
	enum Step {
		PLAN("Your plan", "/welcome/plan"), PAY("How to pay", "/welcome/pay"), SERVICES("Your services", "/welcome/services"),
		DATA("Where your data lives", "/welcome/data");

		private final String title;
		private final String path;

		Step(String title, String path) {
			this.title = title;
			this.path = path;
		}

		public String title() {
			return title;
		}

		public String path() {
			return path;
		}

		public int number() {
			return ordinal() + 1;
		}
	}

	private final Membership membership;
	private final ServiceChoices choices;
	private final ServicesOnOffer offer;
	private final Newcomers newcomers;
	private final Caller caller;

	@GetMapping("/welcome")
	String start() {
		return "redirect:" + Step.PLAN.path();
	}

	@GetMapping("/welcome/plan")
	String plan(Model model) {
		var plan = membership.myPlan();
		return planPage(model, plan.map(Membership.Plan::tier).orElse(null), null);
	}

	@PostMapping("/welcome/plan")
	String choosePlan(@RequestParam(required = false) String tier, @RequestParam(required = false) String yearlyAmount,
			Model model, HttpServletResponse response) {
		try {
			membership.chooseMyPlan(tier, yearlyAmount);
			return "redirect:" + Step.PAY.path();
		} catch (InvalidInput refused) {
			response.setStatus(422);
			model.addAttribute("problems", Problems.of(refused));
			return planPage(model, tier, yearlyAmount);
		}
	}

	private String planPage(Model model, String tier, String yearlyAmount) {
		step(model, Step.PLAN);
		model.addAttribute("tiers", membership.tiers());
		model.addAttribute("plan", membership.myPlan().orElse(null));
		model.addAttribute("tier", tier);
		model.addAttribute("yearlyAmount", yearlyAmount);
		return "pages/welcome/plan";
	}

	@GetMapping("/welcome/pay")
	String pay(Model model) {
		step(model, Step.PAY);
		model.addAttribute("plan", membership.myPlan().orElse(null));
		model.addAttribute("reference", membership.myPaymentReference());
		model.addAttribute("bank", membership.bankAccount().orElse(null));
		return "pages/welcome/pay";
	}

	@GetMapping("/welcome/services")
	String services(Model model) {
		return servicesPage(model, choices.mine().stream().map(id -> id.value().toString()).toList());
	}

	@PostMapping("/welcome/services")
	String chooseServices(@RequestParam(name = "offering", required = false) List<String> picked, Model model,
			HttpServletResponse response) {
		List<String> typed = picked == null ? List.of() : picked;
		Map<String, ServicesOnOffer.Service> onOffer = offer.all().stream()
				.collect(Collectors.toMap(s -> s.id().value().toString(), Function.identity()));
		List<String> problems = new ArrayList<>();
		Set<OfferingId> chosen = new LinkedHashSet<>();
		for (String id : typed) {
			ServicesOnOffer.Service service = onOffer.get(id.strip());
			if (service == null) {
				problems.add("'" + id + "' is not a service on offer now: pick from the list");
			} else {
				chosen.add(service.id());
			}
		}
		if (problems.isEmpty()) {
			try {
				choices.chooseMine(chosen);
				return "redirect:" + Step.DATA.path();
			} catch (InvalidInput refused) {
				problems.addAll(Problems.of(refused));
			}
		}
		response.setStatus(422);
		model.addAttribute("problems", problems);
		return servicesPage(model, typed);
	}

	private String servicesPage(Model model, List<String> picked) {
		step(model, Step.SERVICES);
		model.addAttribute("services", offer.all());
		model.addAttribute("picked", picked);
		return "pages/welcome/services";
	}

	/** A chosen service and where its data is kept: the site it runs at, and its partner's off-site backups. */
	public record Placed(ServicesOnOffer.Service service, List<ServicesOnOffer.Location> backups) {
	}

	@GetMapping("/welcome/data")
	String data(Model model) {
		step(model, Step.DATA);
		model.addAttribute("placed", offer.of(choices.mine()).stream()
				.map(s -> new Placed(s, offer.backupsOf(s.partner().id()))).toList());
		return "pages/welcome/data";
	}

	/** Ends the first steps, finished or skipped; the account page stops offering to continue. */
	@PostMapping("/welcome/done")
	String done() {
		newcomers.finished(me());
		return "redirect:/account";
	}

	private void step(Model model, Step step) {
		me();
		model.addAttribute("steps", Step.values());
		model.addAttribute("step", step);
		model.addAttribute("next", step.ordinal() + 1 < Step.values().length ? Step.values()[step.ordinal() + 1] : null);
	}

	private UUID me() {
		return caller.accountId().map(AccountId::value)
				.orElseThrow(() -> new NotPermitted("The first steps are for people with a region account"));
	}
}
