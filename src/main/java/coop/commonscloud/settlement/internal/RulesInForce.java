package coop.commonscloud.settlement.internal;

import static coop.commonscloud.settlement.SettlementParameters.NO_USAGE_FALLBACK;
import static coop.commonscloud.settlement.SettlementParameters.STEWARDSHIP_SHARE;
import static coop.commonscloud.settlement.SettlementParameters.USAGE_WEIGHTING;

import coop.commonscloud.parameters.ChoiceParameter;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.QualificationParameters;
import coop.commonscloud.settlement.internal.domain.SettlementRules;
import coop.commonscloud.settlement.internal.domain.SettlementRules.Fallback;
import coop.commonscloud.settlement.internal.domain.SettlementRules.Weighting;
import java.time.Instant;
import java.time.YearMonth;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The platform parameters a settlement reads: the values in force at the end of the period (the
 * first instant of the next month, UTC), so a period is settled by the rules members had decided
 * for it, and a resumed run reads the same values.
 */
@Component
@RequiredArgsConstructor
class RulesInForce {

	/** Stored as 0 and 1, in the order their definitions' descriptions name them. */
	private static final ChoiceParameter<Weighting> WEIGHTING = ChoiceParameter.of(USAGE_WEIGHTING, Weighting.ACTIVE_DAYS,
			Weighting.REPORTED_UNITS);
	private static final ChoiceParameter<Fallback> FALLBACK = ChoiceParameter.of(NO_USAGE_FALLBACK, Fallback.PRO_RATA,
			Fallback.COMMONS_FUND);
	static final ParameterKey LAND_BACK = QualificationParameters.LAND_BACK_CONTRIBUTION;

	private final PlatformParameters parameters;

	record Read(SettlementRules rules, String recorded) {
	}

	static Instant endOf(YearMonth period) {
		return period.plusMonths(1).atDay(1).atStartOfDay().toInstant(SettlingPeriod.ZONE);
	}

	Read rulesFor(YearMonth period) {
		Instant at = endOf(period);
		ParameterValue stewardship = parameters.valueAt(STEWARDSHIP_SHARE, at);
		ParameterValue landBack = parameters.valueAt(LAND_BACK, at);
		ParameterValue weighting = parameters.valueAt(USAGE_WEIGHTING, at);
		ParameterValue fallback = parameters.valueAt(NO_USAGE_FALLBACK, at);
		Weighting w = WEIGHTING.option(weighting.amount());
		Fallback f = FALLBACK.option(fallback.amount());
		SettlementRules rules = new SettlementRules(SettlementRules.ppm(stewardship.amount()),
				SettlementRules.ppm(landBack.amount()), w, f);
		String recorded = STEWARDSHIP_SHARE + " = " + stewardship + "; " + LAND_BACK + " = " + landBack + "; "
				+ USAGE_WEIGHTING + " = " + weighting.amount().toPlainString() + " (" + w.name().toLowerCase().replace('_', ' ')
				+ "); " + NO_USAGE_FALLBACK + " = " + fallback.amount().toPlainString() + " ("
				+ f.name().toLowerCase().replace('_', ' ') + "); in force at " + at;
		return new Read(rules, recorded);
	}
}
