package coop.commonscloud.qualification.internal;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.internal.domain.Requirement;
import coop.commonscloud.qualification.internal.domain.SanctionLadder;
import coop.commonscloud.qualification.internal.domain.SanctionLadder.Step;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Graduated sanctions: opens a case when a partner criterion fails, closes it when the criterion
 * is met again, climbs the ladder on the schedule, and takes appeals that a different steward
 * decides.
 */
@Service
@RequiredArgsConstructor
class Sanctions {

	/** Who records the steps the rules take by themselves. */
	static final String RULES = "qualification";

	private final SanctionStore store;
	private final QualificationStore evidence;
	private final Caller caller;

	/** Opens and closes the partner's cases to match its criteria's verdicts; runs inside the evaluation. */
	void sync(UUID partnerId, Map<Criterion, Verdict> verdicts, long remedyDays) {
		verdicts.forEach((criterion, verdict) -> {
			Optional<SanctionStore.Case> latest = store.latest(partnerId, criterion);
			boolean failing = verdict.is(Verdict.Code.NOT_MET) || verdict.is(Verdict.Code.EXPIRED);
			if (failing) {
				if (latest.map(SanctionStore.Case::open).orElse(false)) {
					return;
				}
				if (latest.isPresent() && upheldOnAppeal(latest.get()) && latest.get().reasons().equals(verdict.reasons())) {
					return; // an upheld appeal stands until the facts change
				}
				UUID id = UUID.randomUUID();
				store.open(id, partnerId, criterion, verdict.reasons());
				store.step(id, Step.NOTICE, "Notice: " + criterion.label() + " is " + verdict.code().label() + ": " + String.join("; ", verdict.reasons()) + ". Remedy it within "
						+ remedyDays + " days, or answer with an appeal.", RULES);
			} else if (verdict.is(Verdict.Code.MET) && latest.map(SanctionStore.Case::open).orElse(false)) {
				store.step(latest.get().id(), Step.CLOSED, "Closed: " + criterion.label() + " is met again", RULES);
			}
		});
	}

	private boolean upheldOnAppeal(SanctionStore.Case c) {
		return store.appeals(c.id()).stream().anyMatch(a -> Boolean.TRUE.equals(a.upheld()));
	}

	/** Climbs every open case whose remedy period has passed; returns how many steps were taken. */
	@Transactional
	int advance(Instant now, long remedyDays) {
		int taken = 0;
		for (SanctionStore.Case c : store.openCases()) {
			boolean appealPending = store.appeals(c.id()).stream().anyMatch(a -> !a.decided());
			Optional<Step> next = SanctionLadder.due(c.step(), c.stepSince(), appealPending, remedyDays, now);
			if (next.isPresent()) {
				store.step(c.id(), next.get(), describe(next.get(), c.criterion(), remedyDays), RULES);
				taken++;
			}
		}
		return taken;
	}

	private static String describe(Step step, Criterion criterion, long remedyDays) {
		String why = criterion.label() + " was not remedied within " + remedyDays + " days";
		return switch (step) {
			case PROBATION -> "Probation (public): " + why;
			case NO_NEW_SIGN_UPS -> "No new sign-ups: " + why + " of probation";
			case REMOVAL -> "Removal: " + why + " after sign-ups stopped";
			default -> step.name();
		};
	}

	List<SanctionStore.Case> casesOf(UUID partnerId) {
		return store.casesOf(partnerId);
	}

	boolean suspended(UUID partnerId) {
		return store.casesOf(partnerId).stream().anyMatch(c -> c.open() && c.step().stopsSignUps());
	}

	boolean onProbation(UUID partnerId) {
		return store.casesOf(partnerId).stream().anyMatch(c -> c.open() && c.step().isPublic());
	}

	/** The partner's answer to a case; a steward or an admin of that partner. */
	@Transactional
	SanctionStore.Appeal appeal(UUID caseId, String answer) {
		SanctionStore.Case c = store.find(caseId).orElseThrow(() -> new NotFound("There is no sanction case " + caseId));
		caller.requireManages(new PartnerId(c.partnerId()));
		if (!c.open()) {
			throw new Conflict("This case is closed; there is nothing to appeal");
		}
		if (answer == null || answer.isBlank() || answer.length() > 10_000) {
			throw new InvalidInput("Write the partner's answer (1 to 10000 characters)");
		}
		if (store.appeals(caseId).stream().anyMatch(a -> !a.decided())) {
			throw new Conflict("An appeal on this case already awaits a steward's decision");
		}
		UUID id = UUID.randomUUID();
		store.appeal(id, caseId, answer.strip(), caller.actor());
		return store.findAppeal(id).orElseThrow();
	}

	/**
	 * A steward decides an appeal. It must be a different steward: not one who reviewed the
	 * partner's evidence for the criterion, recorded a step of the case, or filed the appeal.
	 */
	@Transactional
	SanctionStore.Appeal decide(UUID appealId, boolean upheld, String comment) {
		caller.requireSteward();
		SanctionStore.Appeal appeal = store.findAppeal(appealId).orElseThrow(() -> new NotFound("There is no appeal " + appealId));
		SanctionStore.Case c = store.find(appeal.caseId()).orElseThrow();
		if (comment == null || comment.isBlank() || comment.length() > 2000) {
			throw new InvalidInput("Give the reason for the decision (1 to 2000 characters)");
		}
		Set<String> involved = new HashSet<>(evidence.reviewersOf(c.partnerId(), requirementsOf(c.criterion())));
		store.steps(c.id()).stream().map(SanctionStore.StepRow::recordedBy).filter(by -> !RULES.equals(by)).forEach(involved::add);
		involved.add(appeal.submittedBy());
		if (involved.contains(caller.actor())) {
			throw new NotPermitted("A different steward must decide this appeal: you took part in the decision it answers");
		}
		if (!store.decide(appealId, upheld, comment.strip(), caller.actor())) {
			throw new Conflict("This appeal has been decided already");
		}
		if (upheld && c.open()) {
			store.step(c.id(), Step.CLOSED, "Closed: appeal upheld by " + caller.actor() + ": " + comment.strip(), caller.actor());
		}
		return store.findAppeal(appealId).orElseThrow();
	}

	List<SanctionStore.StepRow> steps(UUID caseId) {
		return store.steps(caseId);
	}

	List<SanctionStore.Appeal> appeals(UUID caseId) {
		return store.appeals(caseId);
	}

	List<SanctionStore.Appeal> undecidedAppeals() {
		caller.requireSteward();
		return store.undecidedAppeals();
	}

	private static List<Requirement> requirementsOf(Criterion criterion) {
		return Arrays.stream(Requirement.values()).filter(r -> r.criterion() == criterion).toList();
	}
}
