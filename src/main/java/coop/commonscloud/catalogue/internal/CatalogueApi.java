package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalogue")
record CatalogueApi(Catalogue catalogue) {

	/** An application as the API takes it. */
	record ApplicationBody(String name, String licence, Boolean coveredByLoRes, String website, String description) {

		ApplicationDetails details() {
			if (coveredByLoRes == null) {
				throw new InvalidInput("Say whether the LoRes rule covers this application ('coveredByLoRes': true or false)");
			}
			return new ApplicationDetails(name, licence, coveredByLoRes, website, description);
		}
	}

	/** An offering as the API takes it; absent LoRes flags count as false. */
	record OfferingBody(UUID partnerId, UUID serverId, UUID applicationId, String audience,
			Boolean lowResOptionAvailable, Boolean lowResOptionRecommended, String address) {

		OfferingDetails details() {
			return new OfferingDetails(partnerId == null ? null : new PartnerId(partnerId),
					serverId == null ? null : new ServerId(serverId),
					applicationId == null ? null : new ApplicationId(applicationId), Choice.of(Audience.class, audience, "An offering's audience"),
					Boolean.TRUE.equals(lowResOptionAvailable), Boolean.TRUE.equals(lowResOptionRecommended), address);
		}
	}


	@PostMapping("/api/applications")
	@ResponseStatus(HttpStatus.CREATED)
	Application addApplication(@RequestBody ApplicationBody body) {
		return catalogue.addApplication(body.details());
	}

	@PutMapping("/api/applications/{id}")
	Application updateApplication(@PathVariable UUID id, @RequestBody ApplicationBody body) {
		return catalogue.updateApplication(new ApplicationId(id), body.details());
	}

	@GetMapping("/api/applications/{id}")
	Application application(@PathVariable UUID id) {
		return catalogue.getApplication(new ApplicationId(id));
	}

	@GetMapping("/api/applications")
	Paged<Application> applications(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return catalogue.applications(new Paged.Request(page, size));
	}

	@PostMapping("/api/offerings")
	@ResponseStatus(HttpStatus.CREATED)
	Offering addOffering(@RequestBody OfferingBody body) {
		return catalogue.addOffering(body.details());
	}

	@PutMapping("/api/offerings/{id}")
	Offering updateOffering(@PathVariable UUID id, @RequestBody OfferingBody body) {
		return catalogue.updateOffering(new OfferingId(id), body.details());
	}

	@GetMapping("/api/offerings/{id}")
	Offering offering(@PathVariable UUID id) {
		return catalogue.getOffering(new OfferingId(id));
	}

	@GetMapping("/api/offerings")
	Paged<Offering> offerings(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return catalogue.offerings(new Paged.Request(page, size));
	}

	@GetMapping("/api/partners/{id}/offerings")
	List<Offering> offeringsOf(@PathVariable UUID id) {
		return catalogue.offeringsOf(new PartnerId(id));
	}

	@GetMapping("/api/servers/{id}/offerings")
	List<Offering> offeringsOn(@PathVariable UUID id) {
		return catalogue.offeringsOn(new ServerId(id));
	}
}
