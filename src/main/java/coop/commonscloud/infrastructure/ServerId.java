package coop.commonscloud.infrastructure;

import java.util.Objects;
import java.util.UUID;

public record ServerId(UUID value) {

	public ServerId {
		Objects.requireNonNull(value, "server id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
