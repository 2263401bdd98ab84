package coop.commonscloud.metering;

import coop.commonscloud.catalogue.OfferingId;

/**
 * One person's use of one offering over a period: the number of days they were active on it, and
 * the sum of the (capped) quantities its provider reported for them.
 */
public record OfferingUsage(OfferingId offering, int activeDays, long reportedUnits) {
}
