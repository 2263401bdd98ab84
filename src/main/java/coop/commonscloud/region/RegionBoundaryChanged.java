package coop.commonscloud.region;

import java.time.Instant;

/** Published when a region gets a new boundary, so locality verdicts can be re-evaluated. */
public record RegionBoundaryChanged(RegionSlug region, int polygons, int holes, Instant at) {
}
