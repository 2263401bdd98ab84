package coop.commonscloud.metering;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/** The platform parameters metering owns. */
public final class MeteringParameters {

	/** The most one offering's reports count for one person on one day. */
	public static final ParameterKey REPORT_CAP = new ParameterKey("metering.report-cap");

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(REPORT_CAP, "units", "0", null,
					"The most an offering's provider may report for one person on one day (for example 1000 GB-days); "
							+ "more is stored capped and flagged",
					"1000", "Issue 5: reported usage is capped per person per day so no provider can inflate its share"));

	private MeteringParameters() {
	}
}
