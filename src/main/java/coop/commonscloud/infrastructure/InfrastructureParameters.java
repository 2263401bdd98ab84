package coop.commonscloud.infrastructure;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/** The platform parameters infrastructure owns. */
public final class InfrastructureParameters {

	/** How many hours a site must keep its LoRes-level functions up without the grid. */
	public static final ParameterKey OUTAGE_ENDURANCE = new ParameterKey("resilience.outage-endurance");

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(OUTAGE_ENDURANCE, "h", "0", "8760",
					"How long a site must keep its LoRes-level functions up without the grid",
					"72", "Proposal: basic services stay up through a three-day power outage"));

	private InfrastructureParameters() {
	}
}
