package coop.commonscloud.pages.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a signed-in person starts: the partners they manage and, for stewards, the regions. */
@Controller
record ManagePage(Partners partners, Regions regions, Caller caller) {

	@GetMapping("/manage")
	String manage(Model model) {
		model.addAttribute("steward", caller.isSteward());
		model.addAttribute("partners", partners.managedByCaller());
		model.addAttribute("regions", regions.all());
		return "manage/dashboard";
	}
}
