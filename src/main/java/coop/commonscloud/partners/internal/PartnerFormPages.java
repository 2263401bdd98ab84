package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of partners, registering a partner (stewards) and editing its details and contacts. */
@Controller
record PartnerFormPages(Partners partners, Caller caller) {

	/** The partners the caller manages; someone who manages none sees the region's partners on the public list. */
	@GetMapping("/manage/partners")
	String list(Model model) {
		List<Partner> managed = partners.managedByCaller();
		if (!caller.isSteward() && managed.isEmpty()) {
			return "redirect:/partners";
		}
		model.addAttribute("partners", managed);
		model.addAttribute("steward", caller.isSteward());
		return "manage/partners";
	}

	@GetMapping("/manage/partners/new")
	String blank(Model model) {
		caller.requireSteward();
		return page(model, null, PartnerForm.blank(), List.of());
	}

	@PostMapping("/manage/partners")
	String register(HttpServletRequest request, Model model, RedirectAttributes redirect) {
		PartnerForm form = PartnerForm.from(request.getParameterMap());
		try {
			Partner partner = partners.register(form.details());
			redirect.addFlashAttribute("notice", "Partner '" + partner.legalName() + "' registered");
			return "redirect:/manage/partners/" + partner.id();
		} catch (InvalidInput | Conflict e) {
			return page(model, null, form.withEmptyRow(), Problems.of(e));
		}
	}

	@GetMapping("/manage/partners/{id}/details")
	String edit(@PathVariable UUID id, Model model) {
		caller.requireManages(new PartnerId(id));
		Partner partner = partners.get(new PartnerId(id));
		return page(model, partner, PartnerForm.of(partner), List.of());
	}

	@PostMapping("/manage/partners/{id}/details")
	String update(@PathVariable UUID id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Partner partner = partners.get(new PartnerId(id));
		PartnerForm form = PartnerForm.from(request.getParameterMap());
		try {
			Partner updated = partners.update(partner.id(), form.details());
			redirect.addFlashAttribute("notice", "Details of '" + updated.legalName() + "' saved");
			return "redirect:/manage/partners/" + id;
		} catch (InvalidInput | Conflict e) {
			return page(model, partner, form.withEmptyRow(), Problems.of(e));
		}
	}

	private String page(Model model, Partner partner, PartnerForm form, List<String> problems) {
		model.addAttribute("partner", partner);
		model.addAttribute("form", form);
		model.addAttribute("structures", Structure.values());
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "manage/partner-form";
	}
}
