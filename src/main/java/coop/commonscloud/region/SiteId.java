package coop.commonscloud.region;

import java.util.Objects;
import java.util.UUID;

public record SiteId(UUID value) {

	public SiteId {
		Objects.requireNonNull(value, "site id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
