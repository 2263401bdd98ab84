package coop.commonscloud.identity.internal.selfservice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up form: one account for every service of the region. */
@Controller
record SignUpPage(SignUp signUp) {

	@GetMapping("/sign-up")
	String form(Model model) {
		model.addAttribute("open", signUp.open());
		model.addAttribute("mode", signUp.mode().name());
		return "identity/sign-up";
	}

	@PostMapping("/sign-up")
	String submit(@RequestParam(name = "username", required = false) String username,
			@RequestParam(name = "displayName", required = false) String displayName,
			@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "inviteCode", required = false) String inviteCode, Model model) {
		SignUp.Outcome outcome = signUp.signUp(username, displayName, email, password, inviteCode);
		model.addAttribute("open", signUp.open());
		model.addAttribute("mode", signUp.mode().name());
		if (outcome instanceof SignUp.Outcome.Received received) {
			model.addAttribute("opened", received);
			model.addAttribute("pending", received.pending());
		} else if (outcome instanceof SignUp.Outcome.Refused refused) {
			model.addAttribute("problems", refused.problems());
			model.addAttribute("username", username);
			model.addAttribute("displayName", displayName);
			model.addAttribute("email", email);
		}
		return "identity/sign-up";
	}
}
