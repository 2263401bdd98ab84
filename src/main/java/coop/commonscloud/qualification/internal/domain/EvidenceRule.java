package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How reviewed evidence decides one requirement. Approved evidence counts for the validity
 * period from its submission (exactly at the end still counts); after that it has expired unless
 * newer approved evidence replaced it. With nothing approved, the newest submission decides:
 * awaiting review is pending, rejected is not met (with the steward's comment).
 */
public final class EvidenceRule {

	private EvidenceRule() {
	}

	public static Verdict judge(Requirement requirement, List<EvidenceItem> items, Instant asOf, long validityDays) {
		List<EvidenceItem> mine = items.stream().filter(i -> i.requirement() == requirement)
				.sorted(Comparator.comparing(EvidenceItem::submittedAt).reversed()).toList();
		Optional<EvidenceItem> approved = mine.stream().filter(i -> i.review() == EvidenceItem.Review.APPROVED).findFirst();
		Optional<EvidenceItem> newest = mine.stream().findFirst();
		if (approved.isPresent()) {
			EvidenceItem a = approved.get();
			if (!a.submittedAt().plus(Duration.ofDays(validityDays)).isBefore(asOf)) {
				return Verdict.met(requirement.label() + ": approved by " + a.reviewedBy());
			}
			boolean renewalWaiting = newest.get().review() == EvidenceItem.Review.SUBMITTED;
			return Verdict.expired(requirement.label() + ": the approved evidence is older than "
					+ validityDays + " days" + (renewalWaiting ? "; the renewal awaits a steward's review"
							: "; submit it again. " + requirement.whatToDo()));
		}
		if (newest.isEmpty()) {
			return Verdict.pending(requirement.label() + ": missing. " + requirement.whatToDo());
		}
		EvidenceItem n = newest.get();
		return switch (n.review()) {
			case SUBMITTED -> Verdict.pending(requirement.label() + ": submitted, awaiting a steward's review");
			case REJECTED -> Verdict.notMet(requirement.label() + ": rejected by " + n.reviewedBy() + ": " + n.comment()
					+ ". Submit new evidence.");
			case APPROVED -> throw new IllegalStateException("handled above");
		};
	}
}
