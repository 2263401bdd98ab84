package coop.commonscloud.region.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.Sites;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "Regions")
record RegionApi(Regions regions, Sites sites) {

	/** A region's boundary may be detailed, but not more than this. */
	static final int MAX_BOUNDARY_BYTES = 2 * 1024 * 1024;

	@GetMapping
	List<Region> all() {
		return regions.all();
	}

	@GetMapping("/{slug}")
	Region get(@PathVariable String slug) {
		return regions.get(new RegionSlug(slug));
	}

	record Naming(String name) {
	}

	/** Creates the region, or renames it. */
	@PutMapping("/{slug}")
	ResponseEntity<Region> createOrRename(@PathVariable String slug, @RequestBody Naming body) {
		RegionSlug regionSlug = new RegionSlug(slug);
		boolean existed = regions.find(regionSlug).isPresent();
		Region region = regions.createOrRename(regionSlug, body.name());
		return existed ? ResponseEntity.ok(region) : ResponseEntity.status(201).body(region);
	}

	/**
	 * Replaces the boundary. The body is read here, up to {@link #MAX_BOUNDARY_BYTES}, so an
	 * oversized upload is refused with a problem detail before it is held in memory.
	 */
	@PutMapping(path = "/{slug}/boundary", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json",
			MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
	Region setBoundary(@PathVariable String slug, HttpServletRequest request) throws IOException {
		RegionSlug regionSlug = new RegionSlug(slug);
		if (request.getContentLengthLong() > MAX_BOUNDARY_BYTES) {
			throw tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BOUNDARY_BYTES + 1);
		}
		if (body.length > MAX_BOUNDARY_BYTES) {
			throw tooLarge();
		}
		return regions.setBoundary(regionSlug, new String(body, StandardCharsets.UTF_8));
	}

	private static InvalidInput tooLarge() {
		return new InvalidInput("The boundary is larger than " + MAX_BOUNDARY_BYTES / (1024 * 1024)
				+ " MiB; simplify it (for example with mapshaper or QGIS) and upload it again");
	}

	@GetMapping(path = "/{slug}/boundary", produces = "application/geo+json")
	ResponseEntity<String> boundary(@PathVariable String slug) {
		return regions.boundaryGeoJson(new RegionSlug(slug))
				.map(ResponseEntity::ok)
				.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/{slug}/locality")
	Locality locality(@PathVariable String slug, @RequestParam double lat, @RequestParam double lon) {
		return regions.locality(new RegionSlug(slug), new Coordinates(lat, lon));
	}

	@GetMapping("/{slug}/sites")
	List<Site> sites(@PathVariable String slug) {
		return sites.inRegion(new RegionSlug(slug));
	}
}
