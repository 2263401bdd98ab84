package coop.commonscloud.infrastructure;

import coop.commonscloud.region.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Whether sites keep their LoRes-level functions up through a grid outage: simulated, and drilled for real. */
public interface Resilience {

	/**
	 * Simulates an outage at the site as of {@code asOf}, with the endurance parameter then in force.
	 * {@code keptUp} names the servers that stay on; empty means every server at the site.
	 */
	OutageEndurance enduranceOf(SiteId site, Set<ServerId> keptUp, Instant asOf);

	OutageDrill recordDrill(OutageDrill drill);

	/** The site's drills, newest first. */
	List<OutageDrill> drillsAt(SiteId site);
}
