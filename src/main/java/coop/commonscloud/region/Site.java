package coop.commonscloud.region;

import coop.commonscloud.platform.PartnerId;

/**
 * A physical location where servers run. A site belongs to a partner, or to the region itself
 * when {@code partner} is null (a library the stewards arranged, say).
 */
public record Site(SiteId id, RegionSlug region, PartnerId partner, String name, SiteKind kind,
		Coordinates coordinates, String address) {

	/** The site as the public sees it: a home shows neither its address nor its exact place. */
	public Site forPublic() {
		if (kind != SiteKind.HOME) {
			return this;
		}
		return new Site(id, region, partner, name, kind, coordinates.blurred(), null);
	}
}
