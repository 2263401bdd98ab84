package coop.commonscloud.region;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record SiteId(@JsonValue UUID value) {

	public SiteId {
		Objects.requireNonNull(value, "site id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
