package coop.commonscloud.platform;

import java.util.Objects;
import java.util.UUID;

/** The id of a person's account, as other modules refer to it. */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "An account id needs a value");
	}
}
