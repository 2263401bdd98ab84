package coop.commonscloud.region;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import java.util.ArrayList;
import java.util.List;

/** What it takes to record a site. */
public record SiteDetails(RegionSlug region, PartnerId partner, String name, SiteKind kind, Coordinates coordinates,
		String address) {

	public SiteDetails {
		List<String> problems = new ArrayList<>();
		if (region == null) {
			problems.add("A site needs the region it is in");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add("A site needs a name of 1 to 200 characters");
		}
		if (kind == null) {
			problems.add("Choose the kind of site: COMMUNITY_HOUSE, LIBRARY, PARTNER_RACK or HOME");
		}
		if (coordinates == null) {
			problems.add("A site needs its coordinates (latitude and longitude)");
		}
		if (address != null && address.length() > 500) {
			problems.add("An address is at most 500 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		name = name.strip();
		address = address == null || address.isBlank() ? null : address.strip();
	}
}
