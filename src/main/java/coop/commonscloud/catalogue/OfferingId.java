package coop.commonscloud.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record OfferingId(@JsonValue UUID value) {

	public OfferingId {
		Objects.requireNonNull(value, "offering id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
