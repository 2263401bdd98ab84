package coop.commonscloud.catalogue;

import java.util.Objects;
import java.util.UUID;

public record ApplicationId(UUID value) {

	public ApplicationId {
		Objects.requireNonNull(value, "application id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
