package coop.commonscloud.portability;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/** The platform parameters portability owns: how long money records are kept after a person leaves. */
public final class PortabilityParameters {

	public static final ParameterKey MONEY_RECORDS_RETENTION = new ParameterKey("portability.retention.money-records");

	public static final List<ParameterSeed> SEEDS = List.of(ParameterSeed.of(MONEY_RECORDS_RETENTION, "years", "1", "30",
			"How long payments, refunds, usage and settlement lines are kept after the end of the financial year they "
					+ "belong to, also for people who left (under a pseudonym)",
			"7", "Issue 18: the legal retention period for financial records, 7 years by default"));

	private PortabilityParameters() {
	}
}
