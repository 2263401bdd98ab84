package coop.commonscloud.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record ApplicationId(@JsonValue UUID value) {

	public ApplicationId {
		Objects.requireNonNull(value, "application id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
