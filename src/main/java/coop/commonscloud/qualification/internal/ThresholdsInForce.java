package coop.commonscloud.qualification.internal;

import static coop.commonscloud.qualification.QualificationParameters.EVIDENCE_VALIDITY;
import static coop.commonscloud.qualification.QualificationParameters.INVESTOR_RETURNS;
import static coop.commonscloud.qualification.QualificationParameters.LABOUR_PAY_CAP;
import static coop.commonscloud.qualification.QualificationParameters.LAND_BACK_CONTRIBUTION;
import static coop.commonscloud.qualification.QualificationParameters.MINIMUM_RENEWABLE_SHARE;
import static coop.commonscloud.qualification.QualificationParameters.PAY_RATIO_MAXIMUM;
import static coop.commonscloud.qualification.QualificationParameters.REMEDY_PERIOD;
import static coop.commonscloud.qualification.QualificationParameters.RESERVE_ALLOWANCE;

import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.internal.domain.Thresholds;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Reads the platform parameters the criteria use, all as of one instant. */
@Component
@RequiredArgsConstructor
class ThresholdsInForce {

	private final PlatformParameters parameters;

	Thresholds at(Instant at) {
		return new Thresholds(parameters.valueAt(LABOUR_PAY_CAP, at).unit(),
				parameters.valueAt(RESERVE_ALLOWANCE, at).amount(), parameters.valueAt(INVESTOR_RETURNS, at).amount(),
				parameters.valueAt(PAY_RATIO_MAXIMUM, at).amount(), parameters.valueAt(LABOUR_PAY_CAP, at).amount(),
				parameters.valueAt(LAND_BACK_CONTRIBUTION, at).amount(),
				parameters.valueAt(MINIMUM_RENEWABLE_SHARE, at).amount(),
				parameters.valueAt(EVIDENCE_VALIDITY, at).amount().longValue(),
				parameters.valueAt(REMEDY_PERIOD, at).amount().longValue());
	}
}
