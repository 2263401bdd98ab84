package coop.commonscloud.qualification.internal;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.internal.domain.Thresholds;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Reads the platform parameters the criteria use, all as of one instant. */
@Component
class ThresholdsInForce {

	static final ParameterKey RESERVE_ALLOWANCE = new ParameterKey("qualification.reserve-allowance");
	static final ParameterKey PAY_RATIO_MAXIMUM = new ParameterKey("qualification.pay-ratio-maximum");
	static final ParameterKey REMEDY_PERIOD = new ParameterKey("qualification.remedy-period");
	static final ParameterKey EVIDENCE_VALIDITY = new ParameterKey("qualification.evidence-validity");

	private final PlatformParameters parameters;

	ThresholdsInForce(PlatformParameters parameters) {
		this.parameters = parameters;
	}

	Thresholds at(Instant at) {
		return new Thresholds(parameters.valueAt(ParameterKey.LABOUR_PAY_CAP, at).unit(),
				parameters.valueAt(RESERVE_ALLOWANCE, at).amount(), parameters.valueAt(ParameterKey.INVESTOR_RETURNS, at).amount(),
				parameters.valueAt(PAY_RATIO_MAXIMUM, at).amount(), parameters.valueAt(ParameterKey.LABOUR_PAY_CAP, at).amount(),
				parameters.valueAt(ParameterKey.LAND_BACK_CONTRIBUTION, at).amount(),
				parameters.valueAt(ParameterKey.MINIMUM_RENEWABLE_SHARE, at).amount(),
				parameters.valueAt(EVIDENCE_VALIDITY, at).amount().longValue(),
				parameters.valueAt(REMEDY_PERIOD, at).amount().longValue());
	}
}
