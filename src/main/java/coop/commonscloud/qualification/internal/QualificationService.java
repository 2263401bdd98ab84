package coop.commonscloud.qualification.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.CriterionVerdict;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Standing;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.internal.domain.StatusRule;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** The public face of qualification: standings and whether a partner takes new sign-ups. */
@Service
@RequiredArgsConstructor
class QualificationService implements Qualification {

	private final QualificationStore store;
	private final Sanctions sanctions;
	private final Partners partners;

	@Override
	public boolean acceptsNewSignUps(PartnerId partner) {
		return !sanctions.suspended(partner.value());
	}

	@Override
	public Standing standingOf(PartnerId id) {
		Partner partner = partners.get(id);
		List<CriterionVerdict> own = latestVerdicts(id).stream().filter(v -> v.subject() == Criterion.Subject.PARTNER).toList();
		boolean suspended = sanctions.suspended(id.value());
		return new Standing(id, partner.legalName(), StatusRule.of(own.stream().map(v -> new Verdict(v.verdict(), v.reasons())).toList(),
				suspended), sanctions.onProbation(id.value()), !suspended, own);
	}

	@Override
	public List<CriterionVerdict> latestVerdicts(PartnerId partner) {
		return store.latestVerdicts(partner.value()).stream()
				.sorted(java.util.Comparator.comparing(CriterionVerdict::subject).thenComparing(CriterionVerdict::subjectId)
						.thenComparing(CriterionVerdict::criterion))
				.toList();
	}
}
