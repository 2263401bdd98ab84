package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a site's renewable supply comes from, as its partner declares it: generated on the site,
 * or from a named community installation in the region (a shared solar roof, say).
 */
public record PowerSupply(SiteId site, Kind kind, String installationName, String description, String declaredBy,
		Instant declaredAt) {

	public enum Kind {
		ON_SITE("On site"),
		COMMUNITY_INSTALLATION("Community installation in the region");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public PowerSupply {
		List<String> problems = new ArrayList<>();
		if (site == null) {
			problems.add("A power supply belongs to a site");
		}
		if (kind == null) {
			problems.add("Say where the renewable supply comes from: ON_SITE or COMMUNITY_INSTALLATION");
		}
		boolean named = installationName != null && !installationName.isBlank();
		if (kind == Kind.COMMUNITY_INSTALLATION && !named) {
			problems.add("Name the community installation the supply comes from ('installationName')");
		}
		if (named && installationName.length() > 200) {
			problems.add("The installation's name is at most 200 characters");
		}
		if (description != null && description.length() > 2000) {
			problems.add("The description is at most 2000 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		installationName = named ? installationName.strip() : null;
		description = description == null || description.isBlank() ? null : description.strip();
	}
}
