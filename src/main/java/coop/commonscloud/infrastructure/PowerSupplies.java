package coop.commonscloud.infrastructure;

import coop.commonscloud.region.SiteId;
import java.util.List;
import java.util.Optional;

/** The declared sources of sites' renewable supply; each declaration is kept, the latest is in force. */
public interface PowerSupplies {

	/** Records a new declaration; a steward or an admin of the site's partner. */
	PowerSupply declare(PowerSupply supply);

	Optional<PowerSupply> current(SiteId site);

	/** Every declaration for the site, newest first. */
	List<PowerSupply> history(SiteId site);
}
