package coop.commonscloud.region.internal;

import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sites")
@Tag(name = "Sites")
record SiteApi(Sites sites) {

	/** A site as the API takes it; partnerId is empty for a site of the region itself. */
	record SiteBody(String region, UUID partnerId, String name, String kind, Double latitude, Double longitude,
			String address) {

		SiteDetails details() {
			if (region == null) {
				throw new InvalidInput("A site needs the region it is in ('region': its slug)");
			}
			if (latitude == null || longitude == null) {
				throw new InvalidInput("A site needs its 'latitude' and 'longitude'");
			}
			return new SiteDetails(new RegionSlug(region), partnerId == null ? null : new PartnerId(partnerId), name,
					Choice.of(SiteKind.class, kind, "The kind of site"), new Coordinates(latitude, longitude), address);
		}
	}


	@GetMapping("/{id}")
	Site get(@PathVariable UUID id) {
		return sites.get(new SiteId(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Site add(@RequestBody SiteBody body) {
		return sites.add(body.details());
	}

	@PutMapping("/{id}")
	Site update(@PathVariable UUID id, @RequestBody SiteBody body) {
		return sites.update(new SiteId(id), body.details());
	}
}
