package coop.commonscloud.governance;

import java.util.UUID;

/** A poll closed and its outcome was recorded as decision {@code decisionNumber}. */
public record PollClosed(UUID poll, UUID proposal, long proposalNumber, String title, long decisionNumber,
		String outcome, String explanation) {
}
