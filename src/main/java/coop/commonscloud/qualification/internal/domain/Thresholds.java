package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.QualificationParameters;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform parameter values one evaluation uses. Amounts are in the parameters' currency
 * ({@code currency}); shares and the land-back contribution are percent.
 */
public record Thresholds(String currency, BigDecimal reserveAllowance, BigDecimal investorReturns,
		BigDecimal payRatioMaximum, BigDecimal payCap, BigDecimal landBackPercent, BigDecimal minimumRenewableShare,
		long evidenceValidityDays, long remedyPeriodDays) {

	/** The values by parameter key, as recorded with each evaluation. */
	public Map<String, Object> byKey() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(QualificationParameters.RESERVE_ALLOWANCE.name(), reserveAllowance);
		m.put(QualificationParameters.INVESTOR_RETURNS.name(), investorReturns);
		m.put(QualificationParameters.PAY_RATIO_MAXIMUM.name(), payRatioMaximum);
		m.put(QualificationParameters.LABOUR_PAY_CAP.name(), payCap);
		m.put(QualificationParameters.LAND_BACK_CONTRIBUTION.name(), landBackPercent);
		m.put(QualificationParameters.MINIMUM_RENEWABLE_SHARE.name(), minimumRenewableShare);
		m.put(QualificationParameters.EVIDENCE_VALIDITY.name(), evidenceValidityDays);
		m.put(QualificationParameters.REMEDY_PERIOD.name(), remedyPeriodDays);
		return m;
	}
}
