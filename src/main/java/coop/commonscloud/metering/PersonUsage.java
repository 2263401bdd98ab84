package coop.commonscloud.metering;

import java.util.List;
import java.util.UUID;

/** Everything one person used in a period, one entry per offering, ordered by offering id. */
public record PersonUsage(UUID person, List<OfferingUsage> offerings) {

	public PersonUsage {
		offerings = List.copyOf(offerings);
	}
}
