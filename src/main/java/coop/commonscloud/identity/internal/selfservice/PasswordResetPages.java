package coop.commonscloud.identity.internal.selfservice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link, then choose a new password on the page it opens. */
@Controller
record PasswordResetPages(PasswordReset reset) {

	@GetMapping("/password-reset")
	String ask() {
		return "identity/password-reset";
	}

	@PostMapping("/password-reset")
	String send(@RequestParam(name = "account", required = false) String account, Model model) {
		reset.request(account);
		model.addAttribute("sent", true);
		return "identity/password-reset";
	}

	@GetMapping("/password-reset/new")
	String choose(@RequestParam(name = "token", required = false) String token, Model model) {
		model.addAttribute("token", token);
		if (!reset.valid(token)) {
			model.addAttribute("problem", PasswordReset.INVALID_LINK);
		}
		return "identity/password-new";
	}

	@PostMapping("/password-reset/new")
	String change(@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "repeated", required = false) String repeated, Model model) {
		PasswordReset.Outcome outcome = reset.change(token, password, repeated);
		model.addAttribute("token", token);
		if (outcome instanceof PasswordReset.Outcome.Changed changed) {
			model.addAttribute("changed", changed.username());
		} else if (outcome instanceof PasswordReset.Outcome.Refused refused) {
			model.addAttribute("problem", refused.reason());
		}
		return "identity/password-new";
	}
}
