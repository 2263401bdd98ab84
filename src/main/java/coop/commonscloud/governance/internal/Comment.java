package coop.commonscloud.governance.internal;

import java.time.Instant;

/** One contribution to a proposal's discussion. */
public record Comment(long id, String author, String body, Instant writtenAt) {
}
