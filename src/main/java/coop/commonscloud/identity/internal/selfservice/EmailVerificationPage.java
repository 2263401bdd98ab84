package coop.commonscloud.identity.internal.selfservice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page the verification link opens, and the development outbox. */
@Controller
record EmailVerificationPage(EmailVerification verification, Mails mails) {

	@GetMapping("/verify-email")
	String verify(@RequestParam(name = "token", required = false) String token, Model model) {
		EmailVerification.Outcome outcome = verification.verify(token);
		if (outcome instanceof EmailVerification.Outcome.Verified verified) {
			model.addAttribute("verified", true);
			model.addAttribute("message", "Thank you: " + verified.email() + " is confirmed as your address.");
		} else if (outcome instanceof EmailVerification.Outcome.Refused refused) {
			model.addAttribute("verified", false);
			model.addAttribute("message", refused.reason());
		}
		return "identity/email-verified";
	}

	/** Mails that would have been sent, when no SMTP server is configured (development). Stewards only. */
	@GetMapping("/dev/outbox")
	String outbox(Model model) {
		model.addAttribute("inUse", mails.outboxInUse());
		model.addAttribute("mails", mails.outbox());
		return "identity/outbox";
	}
}
