package coop.commonscloud.qualification;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;
import java.util.UUID;

/** A steward approved or rejected a piece of a partner's evidence. */
public record EvidenceReviewed(PartnerId partner, UUID evidence, boolean approved, Instant at) {
}
