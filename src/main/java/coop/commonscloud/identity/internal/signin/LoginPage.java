package coop.commonscloud.identity.internal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security's form login handles the POST and sends failures back with ?error. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			HttpServletRequest request, Model model) {
		model.addAttribute("failed", error != null);
		// a throttled sign-in was refused whatever the password: say how long to wait, not that the password was wrong
		HttpSession session = request.getSession(false);
		if (error != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInRefused refused) {
			model.addAttribute("refusal", refused.getMessage());
		}
		model.addAttribute("signedOut", logout != null);
		return "login";
	}
}
