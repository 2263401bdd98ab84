package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of the members page: admit a member (stewards), appoint a delegate, give a proxy. */
@Controller
@RequestMapping("/manage/governance/members")
record MembershipForms(Roster roster) {

	@PostMapping
	String admit(@RequestParam(required = false) String memberClass, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) String partnerId, @RequestParam(required = false) String username,
			@RequestParam(required = false) String email, RedirectAttributes flash) {
		return attempt(flash, () -> roster.admit(new Roster.Admission(memberClass(memberClass), name, uuid(partnerId),
				username, email)), "The member was admitted");
	}

	@PostMapping("/delegates")
	String appoint(@RequestParam(required = false) String memberId, @RequestParam(defaultValue = "") String username,
			@RequestParam(required = false) String email, RedirectAttributes flash) {
		return attempt(flash, () -> roster.appointDelegate(required(memberId), username, email), "The delegate was appointed");
	}

	@PostMapping("/proxy")
	String proxy(@RequestParam(required = false) String memberId, @RequestParam(required = false) String holderId,
			RedirectAttributes flash) {
		return attempt(flash, () -> roster.recordProxy(required(memberId), uuid(holderId)),
				holderId == null || holderId.isBlank() ? "The proxy was withdrawn" : "The proxy was recorded");
	}

	private static String attempt(RedirectAttributes flash, Runnable action, String success) {
		try {
			action.run();
			flash.addFlashAttribute("notice", success);
		} catch (InvalidInput e) {
			flash.addFlashAttribute("problems", e.problems());
		} catch (Conflict | NotPermitted | coop.commonscloud.platform.NotFound e) {
			flash.addFlashAttribute("problems", List.of(e.getMessage()));
		}
		return "redirect:/governance/members";
	}

	private static MemberClass memberClass(String value) {
		try {
			return value == null || value.isBlank() ? null : MemberClass.valueOf(value);
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Choose the member class");
		}
	}

	private static UUID required(String value) {
		UUID id = uuid(value);
		if (id == null) {
			throw new InvalidInput("Choose the member");
		}
		return id;
	}

	private static UUID uuid(String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("'" + value + "' is not an id");
		}
	}
}
