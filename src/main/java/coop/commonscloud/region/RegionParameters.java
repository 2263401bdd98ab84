package coop.commonscloud.region;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/** The platform parameters the region module owns. */
public final class RegionParameters {

	/** How far outside the boundary a server may stand and still count as local, in metres. */
	public static final ParameterKey LOCALITY_ALLOWANCE = new ParameterKey("locality.allowance");

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(LOCALITY_ALLOWANCE, "m", "0", "100000",
					"How far outside the region's boundary a regional server may stand and still count as local",
					"1000", "Proposal: servers must be in the region or within 1 km of its boundary"));

	private RegionParameters() {
	}
}
