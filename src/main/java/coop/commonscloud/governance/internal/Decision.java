package coop.commonscloud.governance.internal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import coop.commonscloud.governance.internal.domain.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A poll's recorded outcome: immutable, with the counting details as JSON. */
public record Decision(UUID id, long number, UUID pollId, UUID proposalId, Outcome outcome, String winner,
		String explanation, BigDecimal weightCast, int ballotsCast, @JsonRawValue String details, Instant decidedAt, String decidedBy) {

	/** How the parameter history and the decision log refer to this decision. */
	public String reference() {
		return "/governance/decisions/" + number;
	}
}
