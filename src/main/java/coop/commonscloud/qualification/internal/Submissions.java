package coop.commonscloud.qualification.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.DeclarationSubmitted;
import coop.commonscloud.qualification.EvidenceReviewed;
import coop.commonscloud.qualification.internal.domain.Declaration;
import coop.commonscloud.qualification.internal.domain.Requirement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partners submit (their yearly financial declaration and evidence) and stewards' reviews of
 * the evidence. Declarations are private: only stewards and the partner's own admins see them.
 */
@Service
@RequiredArgsConstructor
class Submissions {

	/** The largest file a piece of evidence may carry. */
	static final int MAX_FILE_BYTES = 1024 * 1024;

	/** Submitted when a partner sends evidence, so its dashboard shows it as awaiting review. */
	record EvidenceSubmitted(PartnerId partner, UUID evidence, Instant at) {
	}

	private final QualificationStore store;
	private final Partners partners;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Transactional
	Declaration declare(PartnerId partner, DeclarationInput input) {
		caller.requireManages(partner);
		partners.get(partner);
		DeclarationInput.Figures figures = input.figures();
		UUID id = UUID.randomUUID();
		store.insertDeclaration(id, partner.value(), figures, caller.actor());
		events.publishEvent(new DeclarationSubmitted(partner, figures.year(), Instant.now(clock)));
		return store.latestDeclaration(partner.value()).orElseThrow();
	}

	List<Declaration> declarations(PartnerId partner) {
		caller.requireManages(partner);
		return store.declarations(partner.value());
	}

	@Transactional
	QualificationStore.EvidenceRow submit(PartnerId partner, String requirement, String statement, String fileName,
			String contentType, byte[] content) {
		caller.requireManages(partner);
		partners.get(partner);
		List<String> problems = new ArrayList<>();
		Requirement r = null;
		try {
			r = Choice.of(Requirement.class, requirement, "The requirement the evidence is for");
			if (r == null) {
				problems.add("Name the requirement the evidence is for");
			}
		} catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		if (statement == null || statement.isBlank() || statement.length() > 10_000) {
			problems.add("Describe the evidence (1 to 10000 characters)");
		}
		boolean hasFile = content != null && content.length > 0;
		if (hasFile && content.length > MAX_FILE_BYTES) {
			problems.add("The file is " + content.length / 1024 + " KiB; the limit is " + MAX_FILE_BYTES / 1024
					+ " KiB. Send a smaller file or a link in the description");
		}
		if (hasFile && fileName != null && fileName.length() > 200) {
			problems.add("The file name is at most 200 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		UUID id = UUID.randomUUID();
		store.insertEvidence(id, partner.value(), r, statement.strip(), hasFile ? (fileName == null || fileName.isBlank() ? "evidence" : fileName) : null,
				hasFile ? (contentType == null ? "application/octet-stream" : contentType) : null, hasFile ? content : null, caller.actor());
		events.publishEvent(new EvidenceSubmitted(partner, id, Instant.now(clock)));
		return store.evidence(id).orElseThrow();
	}

	List<QualificationStore.EvidenceRow> evidenceOf(PartnerId partner) {
		caller.requireManages(partner);
		return store.evidenceOf(partner.value());
	}

	QualificationStore.EvidenceFile file(UUID evidenceId) {
		QualificationStore.EvidenceFile file = store.file(evidenceId)
				.orElseThrow(() -> new NotFound("There is no file with evidence " + evidenceId));
		caller.requireManages(new PartnerId(file.partnerId()));
		return file;
	}

	List<QualificationStore.EvidenceRow> awaitingReview() {
		caller.requireSteward();
		return store.awaitingReview();
	}

	/** A steward approves or rejects evidence; a rejection needs a comment that says what is wrong. */
	@Transactional
	QualificationStore.EvidenceRow review(UUID evidenceId, boolean approve, String comment) {
		caller.requireSteward();
		QualificationStore.EvidenceRow e = store.evidence(evidenceId)
				.orElseThrow(() -> new NotFound("There is no evidence " + evidenceId));
		String c = comment == null || comment.isBlank() ? null : comment.strip();
		if (!approve && c == null) {
			throw new InvalidInput("Say why the evidence is rejected, so the partner knows what to send instead");
		}
		if (c != null && c.length() > 2000) {
			throw new InvalidInput("The comment is at most 2000 characters");
		}
		if (!store.insertReview(evidenceId, approve, c, caller.actor())) {
			throw new Conflict("This evidence has been reviewed already");
		}
		events.publishEvent(new EvidenceReviewed(new PartnerId(e.partnerId()), evidenceId, approve, Instant.now(clock)));
		return store.evidence(evidenceId).orElseThrow();
	}
}
