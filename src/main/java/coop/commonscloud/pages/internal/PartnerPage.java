package coop.commonscloud.pages.internal;

import coop.commonscloud.identity.Accounts;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.SiteChoice;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's page for those who manage it: details, contacts, sites, servers and admins, with
 * forms to add to each. The forms post to the modules that own what they change.
 */
@Controller
record PartnerPage(Partners partners, Sites sites, Servers servers, Regions regions, Accounts accounts,
			Caller caller) {

	/** A blank site form, its region preset to the first region; the field names match SiteForm's. */
	record NewSite(String region, String name, String kind, String latitude, String longitude, String address) {
	}

	/** A blank server form, its role preset to regional; the field names match ServerForm's. */
	record NewServer(String site, String name, String role, String hardware, String nominalDrawW,
			String lowPowerDrawW, String batteryWh, String renewablePeakW, String hostingCompany, String asn) {

		static NewServer blank() {
			return new NewServer(null, null, ServerRole.REGIONAL.name(), null, null, null, null, null, null, null);
		}
	}

	record ServerRow(Server server, String site) {
	}

	@GetMapping("/manage/partners/{id}")
	String partner(@PathVariable UUID id, Model model) {
		caller.requireManages(new PartnerId(id));
		Partner partner = partners.get(new PartnerId(id));
		List<Region> allRegions = regions.all();
		List<SiteChoice> choices = sites.choicesFor(partner.id());
		Map<SiteId, String> siteNames = choices.stream()
				.collect(Collectors.toMap(SiteChoice::site, SiteChoice::label, (a, b) -> a));
		model.addAttribute("partner", partner);
		model.addAttribute("sites", sites.ofPartner(partner.id()));
		model.addAttribute("servers", servers.ofPartner(partner.id()).stream()
				.map(s -> new ServerRow(s, s.details().site() == null ? "—"
						: siteNames.getOrDefault(s.details().site(), "another site")))
				.toList());
		model.addAttribute("admins", accounts.adminsOf(id));
		model.addAttribute("steward", caller.isSteward());
		model.addAttribute("regions", allRegions);
		model.addAttribute("regionNames", allRegions.stream()
				.collect(Collectors.toMap(r -> r.slug().value(), Region::name)));
		model.addAttribute("kinds", SiteKind.values());
		model.addAttribute("roles", ServerRole.values());
		model.addAttribute("siteChoices", choices);
		model.addAttribute("siteForm", new NewSite(allRegions.isEmpty() ? null : allRegions.get(0).slug().value(),
				null, null, null, null, null));
		model.addAttribute("serverForm", NewServer.blank());
		return "manage/partner";
	}
}
