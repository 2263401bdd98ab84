package coop.commonscloud.governance;

import java.time.Instant;
import java.util.UUID;

/** A poll began taking ballots. */
public record PollOpened(UUID poll, UUID proposal, long proposalNumber, String title, Instant closesAt) {
}
