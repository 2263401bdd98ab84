package coop.commonscloud.region.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
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
 * Adding a site to a partner (the form is on the partner's page) and editing a site. A refused
 * form comes back on its own page with the problems and everything that was typed.
 */
@Controller
record SiteFormPages(Sites sites, Regions regions, Partners partners, Caller caller) {

	@PostMapping("/manage/partners/{partnerId}/sites")
	String add(@PathVariable UUID partnerId, @ModelAttribute("siteForm") SiteForm form, Model model,
			RedirectAttributes redirect) {
		Partner partner = partners.get(new PartnerId(partnerId));
		try {
			Site site = sites.add(form.details(partner.id()));
			redirect.addFlashAttribute("notice", "Site '" + site.name() + "' added");
		} catch (InvalidInput | Conflict e) {
			return page(model, partner, null, Problems.of(e));
		}
		return "redirect:/manage/partners/" + partnerId;
	}

	@GetMapping("/manage/sites/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Site site = sites.get(new SiteId(id));
		requireMayChange(site);
		model.addAttribute("siteForm", SiteForm.of(site));
		return page(model, partnerOf(site), site, List.of());
	}

	@PostMapping("/manage/sites/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("siteForm") SiteForm form, Model model,
			RedirectAttributes redirect) {
		Site site = sites.get(new SiteId(id));
		try {
			Site updated = sites.update(site.id(), form.details(site.partner()));
			redirect.addFlashAttribute("notice", "Site '" + updated.name() + "' saved");
		} catch (InvalidInput | Conflict e) {
			return page(model, partnerOf(site), site, Problems.of(e));
		}
		return site.partner() == null ? "redirect:/manage" : "redirect:/manage/partners/" + site.partner();
	}

	private void requireMayChange(Site site) {
		if (site.partner() == null) {
			caller.requireSteward();
		} else {
			caller.requireManages(site.partner());
		}
	}

	private Partner partnerOf(Site site) {
		return site.partner() == null ? null : partners.get(site.partner());
	}

	private String page(Model model, Partner partner, Site site, List<String> problems) {
		model.addAttribute("partner", partner);
		model.addAttribute("site", site);
		model.addAttribute("regions", regions.all());
		model.addAttribute("kinds", SiteKind.values());
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "manage/site-form";
	}
}
