package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.governance.internal.domain.ProposalState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A proposal to the members. A parameter change names the key, the new value and when it takes
 * effect; a criteria change describes the change; an appeal lists the members involved, who do
 * not vote on it.
 */
public record Proposal(UUID id, long number, ProposalKind kind, String title, String rationale, ProposalState state,
		String author, String parameterKey, BigDecimal parameterValue, Instant effectiveFrom, String criteriaChange,
		List<UUID> involvedMembers, Instant createdAt) {

	public Proposal {
		involvedMembers = List.copyOf(involvedMembers);
	}

	public boolean changesAParameter() {
		return kind == ProposalKind.PARAMETER_CHANGE;
	}
}
