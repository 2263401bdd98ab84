package coop.commonscloud.infrastructure;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record ServerId(@JsonValue UUID value) {

	public ServerId {
		Objects.requireNonNull(value, "server id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
