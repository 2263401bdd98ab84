package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Paged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region's partners, for everyone: what is public about each (name, structure, registration number, since when),
 * never its contacts, which {@link Partners#list} shows only to those who manage the partner and this page leaves out.
 */
@Controller
record PartnersPage(Partners partners, Caller caller) {

	@GetMapping("/partners")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Paged<Partner> batch = partners.list(new Paged.Request(page, 50));
		model.addAttribute("partners", batch.items().stream().map(Partner::withoutContacts).toList());
		model.addAttribute("page", batch);
		// the partners whose own pages the caller may open, to link them from here
		model.addAttribute("managed", batch.items().stream().map(Partner::id).filter(caller::manages).toList());
		return "partners/list";
	}
}
