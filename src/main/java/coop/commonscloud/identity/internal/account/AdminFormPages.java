package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.Accounts;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Problems;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A steward opens an account for a partner's admin; the form is on the partner's page. */
@Controller
record AdminFormPages(Accounts accounts) {

	@PostMapping("/manage/partners/{partnerId}/admins")
	String add(@PathVariable UUID partnerId, @ModelAttribute("adminForm") AdminForm form, Model model,
			RedirectAttributes redirect) {
		try {
			Account account = accounts.open(form.account(partnerId));
			redirect.addFlashAttribute("notice", "Account '" + account.username() + "' opened; it can sign in now");
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("adminForm", form.withoutPassword());
			model.addAttribute("partnerId", partnerId);
			model.addAttribute("problems", Problems.of(e));
			return "manage/admin-form";
		}
		return "redirect:/manage/partners/" + partnerId;
	}
}
