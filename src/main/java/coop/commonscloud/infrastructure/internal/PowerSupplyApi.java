package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerSupplies;
import coop.commonscloud.infrastructure.PowerSupply;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.region.SiteId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resilience")
record PowerSupplyApi(PowerSupplies supplies) {

	/** A declaration as the API takes it. */
	record SupplyBody(String kind, String installationName, String description) {
	}

	@PutMapping("/api/sites/{id}/power-supply")
	PowerSupply declare(@PathVariable UUID id, @RequestBody SupplyBody body) {
		return supplies.declare(new PowerSupply(new SiteId(id), Choice.of(PowerSupply.Kind.class, body.kind(), "A power supply"), body.installationName(),
				body.description(), null, null));
	}

	@GetMapping("/api/sites/{id}/power-supply")
	PowerSupply current(@PathVariable UUID id) {
		return supplies.current(new SiteId(id))
				.orElseThrow(() -> new NotFound("Site " + id + " has not declared where its renewable supply comes from"));
	}

	@GetMapping("/api/sites/{id}/power-supply/history")
	List<PowerSupply> history(@PathVariable UUID id) {
		return supplies.history(new SiteId(id));
	}

}
