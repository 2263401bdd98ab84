package coop.commonscloud.region;

import coop.commonscloud.platform.PartnerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sites of the region. A partner's admins manage its sites; stewards manage all. */
public interface Sites {

	Site add(SiteDetails details);

	Site update(SiteId id, SiteDetails details);

	Optional<Site> find(SiteId id);

	Site get(SiteId id);

	List<Site> inRegion(RegionSlug region);

	List<Site> ofPartner(PartnerId partner);

	/** The sites a partner's server may stand at: the partner's own, then the region's shared sites. */
	List<SiteChoice> choicesFor(PartnerId partner);

	/**
	 * The locality of every site of the region, judged on its true position. For a home the public
	 * sees, the distance is rounded to 100 m so it cannot be used to find the home.
	 */
	Map<SiteId, Locality> localities(RegionSlug region);
}
