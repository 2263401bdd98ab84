package coop.commonscloud.qualification.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.CriterionVerdict;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Standing;
import coop.commonscloud.qualification.internal.domain.Declaration;
import coop.commonscloud.qualification.internal.domain.ExcludedHost;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Qualification over REST. The public sees standings and verdicts (never financial figures);
 * a partner's admins see and submit its declarations, evidence and appeals; stewards review.
 */
@RestController
@Tag(name = "Qualification")
record QualificationApi(Qualification qualification, Submissions submissions, Evaluating evaluating,
			Sanctions sanctions, QualificationStore store, Partners partners, Caller caller) {

	record EvidenceBody(String requirement, String statement) {
	}

	record ReviewBody(Boolean approve, String comment) {
	}

	record AppealBody(String answer) {
	}

	record DecisionBody(Boolean upheld, String comment) {
	}

	/** A case with its steps and appeals. */
	record CaseView(SanctionStore.Case sanctionCase, List<SanctionStore.StepRow> steps, List<SanctionStore.Appeal> appeals) {
	}

	@GetMapping("/api/qualification/partners")
	Paged<Standing> standings(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return partners.list(new Paged.Request(page, size)).map(p -> qualification.standingOf(p.id()));
	}

	@GetMapping("/api/qualification/partners/{id}")
	Standing standing(@PathVariable UUID id) {
		return qualification.standingOf(new PartnerId(id));
	}

	@GetMapping("/api/qualification/partners/{id}/verdicts")
	List<CriterionVerdict> verdicts(@PathVariable UUID id) {
		partners.get(new PartnerId(id));
		return qualification.latestVerdicts(new PartnerId(id));
	}

	@GetMapping("/api/qualification/partners/{id}/accepts-new-sign-ups")
	boolean acceptsNewSignUps(@PathVariable UUID id) {
		partners.get(new PartnerId(id));
		return qualification.acceptsNewSignUps(new PartnerId(id));
	}

	/** Re-evaluates the partner now; its admins or a steward. */
	@PostMapping("/api/qualification/partners/{id}/evaluation")
	Standing evaluate(@PathVariable UUID id) {
		caller.requireManages(new PartnerId(id));
		evaluating.evaluate(new PartnerId(id), "asked by " + caller.actor());
		return qualification.standingOf(new PartnerId(id));
	}

	/** The recorded evaluations of one criterion, newest first, with the inputs each used; its admins or a steward. */
	@GetMapping("/api/qualification/partners/{id}/evaluations")
	List<QualificationStore.Evaluation> evaluations(@PathVariable UUID id, @RequestParam String criterion,
			@RequestParam(defaultValue = "20") int limit) {
		caller.requireManages(new PartnerId(id));
		return store.history(id, coop.commonscloud.platform.Choice.of(Criterion.class, criterion, "The criterion"),
				Math.max(1, Math.min(limit, 200)));
	}

	@PostMapping("/api/qualification/partners/{id}/declarations")
	@ResponseStatus(HttpStatus.CREATED)
	Declaration declare(@PathVariable UUID id, @RequestBody DeclarationInput body) {
		return submissions.declare(new PartnerId(id), body);
	}

	@GetMapping("/api/qualification/partners/{id}/declarations")
	List<Declaration> declarations(@PathVariable UUID id) {
		return submissions.declarations(new PartnerId(id));
	}

	@PostMapping(path = "/api/qualification/partners/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	QualificationStore.EvidenceRow submit(@PathVariable UUID id, @RequestBody EvidenceBody body) {
		return submissions.submit(new PartnerId(id), body.requirement(), body.statement(), null, null, null);
	}

	@PostMapping(path = "/api/qualification/partners/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	QualificationStore.EvidenceRow upload(@PathVariable UUID id, @RequestParam String requirement,
			@RequestParam String statement, @RequestPart(required = false) MultipartFile file) throws IOException {
		return submissions.submit(new PartnerId(id), requirement, statement, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
	}

	@GetMapping("/api/qualification/partners/{id}/evidence")
	List<QualificationStore.EvidenceRow> evidence(@PathVariable UUID id) {
		return submissions.evidenceOf(new PartnerId(id));
	}

	@GetMapping("/api/qualification/evidence/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable UUID id) {
		QualificationStore.EvidenceFile file = submissions.file(id);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
	}

	@GetMapping("/api/qualification/review-queue")
	List<QualificationStore.EvidenceRow> queue() {
		return submissions.awaitingReview();
	}

	@PostMapping("/api/qualification/evidence/{id}/review")
	QualificationStore.EvidenceRow review(@PathVariable UUID id, @RequestBody ReviewBody body) {
		if (body.approve() == null) {
			throw new InvalidInput("Say whether the evidence is approved ('approve': true or false)");
		}
		return submissions.review(id, body.approve(), body.comment());
	}

	@GetMapping("/api/qualification/partners/{id}/cases")
	List<CaseView> cases(@PathVariable UUID id) {
		caller.requireManages(new PartnerId(id));
		return sanctions.casesOf(id).stream().map(c -> new CaseView(c, sanctions.steps(c.id()), sanctions.appeals(c.id()))).toList();
	}

	@PostMapping("/api/qualification/cases/{id}/appeals")
	@ResponseStatus(HttpStatus.CREATED)
	SanctionStore.Appeal appeal(@PathVariable UUID id, @RequestBody AppealBody body) {
		return sanctions.appeal(id, body.answer());
	}

	@PostMapping("/api/qualification/appeals/{id}/decision")
	SanctionStore.Appeal decide(@PathVariable UUID id, @RequestBody DecisionBody body) {
		if (body.upheld() == null) {
			throw new InvalidInput("Say whether the appeal is upheld ('upheld': true or false)");
		}
		return sanctions.decide(id, body.upheld(), body.comment());
	}

	@GetMapping("/api/qualification/excluded-hosts")
	List<ExcludedHost> excludedHosts() {
		return store.excludedHosts();
	}
}
