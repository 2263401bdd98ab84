package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.Verdict;

/** A service or server criterion's verdict, named for the partner's criterion 6. */
public record SubjectVerdict(String subject, Criterion criterion, Verdict verdict) {
}
