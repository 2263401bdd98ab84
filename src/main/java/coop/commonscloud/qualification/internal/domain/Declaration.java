package coop.commonscloud.qualification.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's yearly financial declaration as the rules read it. Amounts are minor units of
 * {@code currency}; the equipment-loan servicing is declared apart from investor returns.
 */
public record Declaration(UUID id, int year, String currency, long surplusAfterLabour, long investorReturns,
		long equipmentLoanServicing, BigDecimal payRatio, boolean genderPayPolicy, long labourPayments,
		BigDecimal fullTimeEquivalents, long grossRevenue, long landBackContributions, Instant declaredAt) {
}
