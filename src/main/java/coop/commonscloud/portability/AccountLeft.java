package coop.commonscloud.portability;

import coop.commonscloud.platform.AccountId;
import java.time.Instant;

/** A person closed their account; what the region keeps names them only by this id. */
public record AccountLeft(AccountId account, Instant at) {
}
