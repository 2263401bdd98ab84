package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a server to a partner (the form is on the partner's page) and editing a server. A
 * refused form comes back on its own page with the problems and everything that was typed.
 */
@Controller
record ServerFormPages(Servers servers, Partners partners, ServerPage page, Caller caller) {

	@PostMapping("/manage/partners/{partnerId}/servers")
	String add(@PathVariable UUID partnerId, @ModelAttribute("serverForm") ServerForm form, Model model,
			RedirectAttributes redirect) {
		Partner partner = partners.get(new PartnerId(partnerId));
		try {
			Server server = servers.add(form.details(partner.id()));
			redirect.addFlashAttribute("notice", "Server '" + server.details().name() + "' added");
		} catch (InvalidInput | Conflict e) {
			return page.render(model, partner, null, Problems.of(e), null);
		}
		return "redirect:/manage/partners/" + partnerId;
	}

	@GetMapping("/manage/servers/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Server server = servers.get(new ServerId(id));
		caller.requireManages(server.details().partner());
		model.addAttribute("serverForm", ServerForm.of(server));
		return page.render(model, server, List.of(), null);
	}

	@PostMapping("/manage/servers/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("serverForm") ServerForm form, Model model,
			RedirectAttributes redirect) {
		Server server = servers.get(new ServerId(id));
		PartnerId partner = server.details().partner();
		caller.requireManages(partner);
		try {
			Server updated = servers.update(server.id(), form.details(partner));
			redirect.addFlashAttribute("notice", "Server '" + updated.details().name() + "' saved");
		} catch (InvalidInput | Conflict e) {
			return page.render(model, server, Problems.of(e), null);
		}
		return "redirect:/manage/partners/" + partner;
	}
}
