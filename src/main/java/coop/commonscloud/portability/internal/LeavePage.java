package coop.commonscloud.portability.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PersonalData.Person;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /account/leave}: download your data, and close your account after typing your username. */
@Controller
@RequiredArgsConstructor
class LeavePage {

	private final PersonalExport export;
	private final Leaving leaving;

	@GetMapping("/account/leave")
	String show(Model model) {
		model.addAttribute("username", export.callingPerson().username());
		return "portability/leave";
	}

	@PostMapping("/account/leave")
	String leave(@RequestParam(name = "confirm", required = false) String confirm, HttpServletRequest request,
			Model model) {
		Person person = export.callingPerson();
		try {
			leaving.leave(confirm);
		} catch (InvalidInput refused) {
			model.addAttribute("username", person.username());
			model.addAttribute("typed", confirm);
			model.addAttribute("problem", refused.getMessage());
			return "portability/leave";
		}
		PortabilityApi.signOut(request);
		return "portability/left";
	}
}
