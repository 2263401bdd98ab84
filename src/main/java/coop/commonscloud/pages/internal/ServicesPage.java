package coop.commonscloud.pages.internal;

import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Connect a service": a partner's admin picks a catalogue application and its offering, and gets the registered
 * client, its secret (shown this once) and the settings to paste into the service. Lists the partner's services.
 */
@Controller
record ServicesPage(Partners partners, PartnerServices services, ConnectingServices connecting, Caller caller) {

	@GetMapping("/manage/partners/{id}/services")
	String services(@PathVariable UUID id, Model model) {
		Partner partner = partner(id);
		model.addAttribute("connectForm", ConnectForm.blank());
		return page(model, partner);
	}

	@PostMapping("/manage/partners/{id}/services")
	String connect(@PathVariable UUID id, @ModelAttribute("connectForm") ConnectForm form, Model model,
			HttpServletResponse response) {
		Partner partner = partner(id);
		try {
			model.addAttribute("connected", connecting.connect(partner, form));
			// the secret is on this page only: no cache may keep it
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("connectForm", ConnectForm.blank());
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("problems", Problems.of(e));
		}
		return page(model, partner);
	}

	private Partner partner(UUID id) {
		caller.requireManages(new PartnerId(id));
		return partners.get(new PartnerId(id));
	}

	private String page(Model model, Partner partner) {
		List<PartnerServices.OfferingRow> offerings = services.offerings(partner.id());
		model.addAttribute("partner", partner);
		model.addAttribute("offerings", offerings);
		model.addAttribute("services", services.services(partner.id(), offerings));
		model.addAttribute("applications", services.applications());
		model.addAttribute("servers", services.servers(partner.id()));
		model.addAttribute("audiences", Audience.values());
		return "manage/services";
	}
}
