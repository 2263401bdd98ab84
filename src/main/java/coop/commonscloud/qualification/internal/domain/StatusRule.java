package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Status;
import coop.commonscloud.qualification.Verdict;
import java.util.Collection;

/**
 * The overall status of a partner: suspended while a sanction case has reached "no new sign-ups"
 * or removal; otherwise qualified when every partner criterion is met, not qualified when any is
 * not met, provisional while the rest are pending or expired.
 */
public final class StatusRule {

	private StatusRule() {
	}

	public static Status of(Collection<Verdict> partnerCriteria, boolean suspended) {
		if (suspended) {
			return Status.SUSPENDED;
		}
		if (partnerCriteria.stream().anyMatch(v -> v.is(Verdict.Code.NOT_MET))) {
			return Status.NOT_QUALIFIED;
		}
		if (!partnerCriteria.isEmpty() && partnerCriteria.stream().allMatch(v -> v.is(Verdict.Code.MET))) {
			return Status.QUALIFIED;
		}
		return Status.PROVISIONAL;
	}
}
