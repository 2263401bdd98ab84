package coop.commonscloud.billing.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Problems;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own billing page: their plan, how to pay, and what they paid. */
@Controller
class BillingPage {

	private final Plans plans;
	private final PaymentBook book;
	private final PaymentReferences references;
	private final Payers payers;
	private final BankDetails bankDetails;

	BillingPage(Plans plans, PaymentBook book, PaymentReferences references, Payers payers, BankDetails bankDetails) {
		this.plans = plans;
		this.book = book;
		this.references = references;
		this.payers = payers;
		this.bankDetails = bankDetails;
	}

	@GetMapping("/account/billing")
	String page(Model model) {
		UUID me = payers.signedIn();
		model.addAttribute("me", me);
		model.addAttribute("reference", references.of(me));
		model.addAttribute("plan", plans.current(me).orElse(null));
		model.addAttribute("plans", plans.history(me));
		model.addAttribute("prices", plans.prices());
		model.addAttribute("history", book.historyOf(me));
		model.addAttribute("bank", bankDetails.account().orElse(null));
		return "billing/account";
	}

	@PostMapping("/account/billing/plan")
	String choose(@RequestParam(required = false) String tier, @RequestParam(required = false) String yearlyAmount,
			RedirectAttributes flash) {
		UUID me = payers.signedIn();
		try {
			Plans.Choice choice = plans.choose(me, Tier.parse(tier), yearlyAmount);
			flash.addFlashAttribute("notice", "Your plan is now " + choice.tier().label() + " at " + choice.yearly() + " a year"
					+ (choice.awaitingConfirmation() ? "; a steward will confirm your concession" : "") + ".");
		} catch (InvalidInput e) {
			flash.addFlashAttribute("problems", Problems.of(e));
			flash.addFlashAttribute("yearlyAmount", yearlyAmount);
		}
		return "redirect:/account/billing";
	}
}
