package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners")
record PartnerApi(Partners partners) {

	@GetMapping
	Paged<Partner> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return partners.list(new Paged.Request(page, size));
	}

	@GetMapping("/{id}")
	Partner get(@PathVariable UUID id) {
		return partners.get(new PartnerId(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Partner register(@RequestBody PartnerDetails details) {
		return partners.register(details);
	}

	@PutMapping("/{id}")
	Partner update(@PathVariable UUID id, @RequestBody PartnerDetails details) {
		return partners.update(new PartnerId(id), details);
	}

	/** Whether the partner is settler-run, which decides whether the land-back levy applies. Public. */
	@GetMapping("/{id}/settler-run")
	SettlerRun settlerRun(@PathVariable UUID id) {
		return new SettlerRun(partners.settlerRun(new PartnerId(id)));
	}

	@PutMapping("/{id}/settler-run")
	SettlerRun declareSettlerRun(@PathVariable UUID id, @RequestBody SettlerRun declaration) {
		if (declaration == null || declaration.settlerRun() == null) {
			throw new coop.commonscloud.platform.InvalidInput("Say whether the partner is settler-run: {\"settlerRun\": true} or false");
		}
		partners.declareSettlerRun(new PartnerId(id), declaration.settlerRun());
		return new SettlerRun(partners.settlerRun(new PartnerId(id)));
	}

	record SettlerRun(Boolean settlerRun) {
	}
}
