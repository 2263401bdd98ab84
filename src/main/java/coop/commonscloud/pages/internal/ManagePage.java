package coop.commonscloud.pages.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a steward or partner admin starts: the partners they manage and, for stewards, the regions. */
@Controller
record ManagePage(Partners partners, Regions regions, Caller caller) {

	/** A member who manages no partner has nothing to manage here: their own pages are on their account. */
	@GetMapping("/manage")
	String manage(Model model) {
		var managed = partners.managedByCaller();
		if (!caller.isSteward() && managed.isEmpty()) {
			return "redirect:/account";
		}
		model.addAttribute("steward", caller.isSteward());
		model.addAttribute("partners", managed);
		model.addAttribute("regions", regions.all());
		return "manage/dashboard";
	}
}
