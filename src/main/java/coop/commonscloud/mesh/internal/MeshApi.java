package coop.commonscloud.mesh.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The mesh's status (public: names, modes and lag only) and, at the core, the stewards' register of sites. */
@RestController
@RequestMapping("/api/mesh")
record MeshApi(MeshStatus meshStatus, SiteRegister register) {

	@GetMapping
	MeshStatus.Summary status() {
		return meshStatus.summary();
	}

	@GetMapping("/sites")
	List<SiteRegister.PendingSite> sites() {
		return register.sites();
	}

	@PostMapping("/sites/{name}/approve")
	List<SiteRegister.PendingSite> approve(@PathVariable("name") String name) {
		register.approve(name);
		return register.sites();
	}
}
