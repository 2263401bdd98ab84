package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.platform.Caller;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The stewards' mesh page: this node's mode, every site's mode, lag and last sync, and join requests to approve. */
@Controller
record MeshPage(MeshSettings settings, MeshStatus status, SiteRegister register, Caller caller) {

	@GetMapping("/manage/mesh")
	String show(Model model) {
		caller.requireSteward();
		model.addAttribute("summary", status.summary());
		model.addAttribute("sites", settings.role == NodeRole.CORE ? register.sites() : List.of());
		return "mesh/status";
	}

	@PostMapping("/manage/mesh/sites/{name}/approve")
	String approve(@PathVariable("name") String name) {
		register.approve(name);
		return "redirect:/manage/mesh?approved=" + name;
	}
}
