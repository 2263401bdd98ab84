package coop.commonscloud.catalogue;

import java.util.Objects;
import java.util.UUID;

public record OfferingId(UUID value) {

	public OfferingId {
		Objects.requireNonNull(value, "offering id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
