package coop.commonscloud.qualification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest recorded verdict of one criterion for one subject (a partner, an offering or a server). */
public record CriterionVerdict(Criterion criterion, Criterion.Subject subject, UUID subjectId, Verdict.Code verdict,
		List<String> reasons, Instant evaluatedAt) {

	public CriterionVerdict {
		reasons = List.copyOf(reasons);
	}

	public String label() {
		return criterion.label();
	}

	/** "met", "not met", "pending" or "expired", for people to read. */
	public String verdictLabel() {
		return verdict.label();
	}

	public boolean met() {
		return verdict == Verdict.Code.MET;
	}

	public boolean notMet() {
		return verdict == Verdict.Code.NOT_MET;
	}
}
