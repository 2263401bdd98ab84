package coop.commonscloud.region.internal;

import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import java.util.ArrayList;
import java.util.List;

/** A site as a person types it, kept as text so a refused form comes back exactly as it was sent. */
record SiteForm(String region, String name, String kind, String latitude, String longitude, String address) {

	static SiteForm blank() {
		return new SiteForm(null, null, null, null, null, null);
	}

	static SiteForm of(Site site) {
		return new SiteForm(site.region().value(), site.name(), site.kind().name(),
				Double.toString(site.coordinates().latitude()), Double.toString(site.coordinates().longitude()),
				site.address());
	}

	SiteDetails details(PartnerId partner) {
		List<String> problems = new ArrayList<>();
		Double lat = degrees("Latitude", latitude, problems);
		Double lon = degrees("Longitude", longitude, problems);
		if (region == null || region.isBlank()) {
			problems.add("Choose the region the site is in");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new SiteDetails(new RegionSlug(region), partner, name, Choice.of(SiteKind.class, kind, "The kind of site"), new Coordinates(lat, lon),
				address);
	}

	private static Double degrees(String what, String text, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(what + " is missing: enter decimal degrees, such as -37.8136");
			return null;
		}
		try {
			return Double.valueOf(text.strip().replace(',', '.'));
		} catch (NumberFormatException e) {
			problems.add(what + " must be decimal degrees, such as -37.8136; got '" + text.strip() + "'");
			return null;
		}
	}
}
