package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.SiteId;
import java.time.Instant;

/**
 * A site's renewable supply was declared: the renewables verdicts of the servers there are out of
 * date. {@code partner} is the site's partner, null for a site of the region's own.
 */
public record PowerSupplyDeclared(SiteId site, PartnerId partner, PowerSupply.Kind kind, Instant at) {
}
