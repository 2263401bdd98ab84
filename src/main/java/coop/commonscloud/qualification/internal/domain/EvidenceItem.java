package coop.commonscloud.qualification.internal.domain;

import java.time.Instant;
import java.util.UUID;

/** A piece of evidence as the rules see it: when it came, and how a steward reviewed it. */
public record EvidenceItem(UUID id, Requirement requirement, Instant submittedAt, Review review, String comment,
		String reviewedBy) {

	public enum Review {
		SUBMITTED, APPROVED, REJECTED
	}
}
