package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.PollRules;
import java.time.Instant;
import java.util.UUID;

/** A poll on one proposal. Its rules are fixed when it opens. */
public record Poll(UUID id, UUID proposalId, PollRules rules, Instant opensAt, Instant closesAt, boolean anonymous,
		boolean resultsHidden, String openedBy) {

	public boolean takesBallotsAt(Instant now) {
		return !now.isBefore(opensAt) && now.isBefore(closesAt);
	}

	public boolean closedAt(Instant now) {
		return !now.isBefore(closesAt);
	}
}
