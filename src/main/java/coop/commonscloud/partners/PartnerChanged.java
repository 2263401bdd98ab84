package coop.commonscloud.partners;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

/** A partner's details or its settler-run declaration changed: verdicts about it are out of date. */
public record PartnerChanged(PartnerId partner, Instant at) {
}
