package coop.commonscloud.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record PartnerId(@JsonValue UUID value) {

	public PartnerId {
		Objects.requireNonNull(value, "partner id");
	}

	public static PartnerId random() {
		return new PartnerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
