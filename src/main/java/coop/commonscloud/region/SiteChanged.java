package coop.commonscloud.region;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

/**
 * A site's details changed (where it stands, its region, its partner): the locality and resilience
 * verdicts of the servers there are out of date. {@code partner} and {@code formerPartner} are null
 * for a site of the region's own.
 */
public record SiteChanged(SiteId site, PartnerId partner, PartnerId formerPartner, Instant at) {
}
