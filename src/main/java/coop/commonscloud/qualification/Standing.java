package coop.commonscloud.qualification;

import coop.commonscloud.platform.PartnerId;
import java.util.List;

/**
 * A partner's public standing: its status, the latest verdict of each partner criterion, whether
 * it is on probation, and whether it may take new sign-ups. Holds no financial figures.
 */
public record Standing(PartnerId partner, String legalName, Status status, boolean onProbation,
		boolean acceptsNewSignUps, List<CriterionVerdict> criteria) {

	public Standing {
		criteria = List.copyOf(criteria);
	}
}
