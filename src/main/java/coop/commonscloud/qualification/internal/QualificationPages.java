package coop.commonscloud.qualification.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.CriterionVerdict;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Standing;
import coop.commonscloud.qualification.internal.domain.Requirement;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The qualification pages: the public status, a partner's dashboard (what is met, what is
 * missing, what to do next, with forms for evidence, the declaration and appeals), and the
 * stewards' review queue.
 */
@Controller
record QualificationPages(Qualification qualification, Submissions submissions, Sanctions sanctions,
			Evaluating evaluating, Partners partners, Servers servers, Caller caller, Clock clock) {

	/** A server's public row: its name and the latest verdict of each server criterion. */
	record ServerRow(String name, String role, CriterionVerdict local, CriterionVerdict renewables, CriterionVerdict resilience) {
	}

	/** A partner on the public page. */
	record PartnerRow(Standing standing, List<ServerRow> servers) {
	}

	@GetMapping("/qualification")
	String publicStatus(@RequestParam(defaultValue = "0") int page, Model model) {
		Paged<Partner> batch = partners.list(new Paged.Request(page, 50));
		model.addAttribute("partners", batch.items().stream().map(this::row).toList());
		model.addAttribute("page", batch);
		return "qualification/status";
	}

	/** One partner's public status, for a link that stays put however many partners the region has. */
	@GetMapping("/qualification/partners/{id}")
	String publicStatusOf(@PathVariable UUID id, Model model) {
		PartnerId partner = new PartnerId(id);
		Partner p = partners.get(partner);
		model.addAttribute("partners", List.of(row(p)));
		model.addAttribute("page", new Paged<>(List.of(p), 0, 1, 1));
		return "qualification/status";
	}

	private PartnerRow row(Partner partner) {
		return new PartnerRow(qualification.standingOf(partner.id()),
				serverRows(partner.id(), qualification.latestVerdicts(partner.id())));
	}

	private List<ServerRow> serverRows(PartnerId partner, List<CriterionVerdict> verdicts) {
		Map<UUID, Server> byId = servers.ofPartner(partner).stream().collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
		return byId.values().stream().sorted(java.util.Comparator.comparing(s -> s.details().name())).map(s -> new ServerRow(
				s.details().name(), s.details().role().label(), find(verdicts, s.id().value(), Criterion.LOCAL),
				find(verdicts, s.id().value(), Criterion.RENEWABLES), find(verdicts, s.id().value(), Criterion.RESILIENT_FALLBACK)))
				.toList();
	}

	private static CriterionVerdict find(List<CriterionVerdict> verdicts, UUID subject, Criterion criterion) {
		return verdicts.stream().filter(v -> v.subjectId().equals(subject) && v.criterion() == criterion).findFirst().orElse(null);
	}

	@GetMapping("/manage/partners/{id}/qualification")
	String dashboard(@PathVariable UUID id, Model model) {
		return dashboard(id, model, List.of());
	}

	private String dashboard(UUID id, Model model, List<String> problems) {
		caller.requireManages(new PartnerId(id));
		PartnerId partner = new PartnerId(id);
		List<CriterionVerdict> verdicts = qualification.latestVerdicts(partner);
		model.addAttribute("partner", partners.get(partner));
		model.addAttribute("standing", qualification.standingOf(partner));
		model.addAttribute("others", verdicts.stream().filter(v -> v.subject() != Criterion.Subject.PARTNER).toList());
		model.addAttribute("serverNames", servers.ofPartner(partner).stream()
				.collect(Collectors.toMap(s -> s.id().value(), s -> s.details().name())));
		model.addAttribute("evidence", submissions.evidenceOf(partner));
		model.addAttribute("declarations", submissions.declarations(partner));
		model.addAttribute("requirements", Requirement.values());
		model.addAttribute("cases", sanctions.casesOf(id).stream()
				.map(c -> new QualificationApi.CaseView(c, sanctions.steps(c.id()), sanctions.appeals(c.id()))).toList());
		model.addAttribute("year", java.time.Year.now(clock.withZone(java.time.ZoneOffset.UTC)).getValue() - 1);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "qualification/dashboard";
	}

	@PostMapping("/manage/partners/{id}/qualification/evidence")
	String submit(@PathVariable UUID id, @RequestParam(required = false) String requirement,
			@RequestParam(required = false) String statement, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			boolean hasFile = file != null && !file.isEmpty();
			submissions.submit(new PartnerId(id), requirement, statement, hasFile ? file.getOriginalFilename() : null,
					hasFile ? file.getContentType() : null, hasFile ? file.getBytes() : null);
		} catch (InvalidInput e) {
			model.addAttribute("statement", statement);
			return dashboard(id, model, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "Evidence submitted: a steward will review it");
		return "redirect:/manage/partners/" + id + "/qualification";
	}

	@PostMapping("/manage/partners/{id}/qualification/declaration")
	String declare(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		DeclarationInput input = new DeclarationInput(parseYear(form.get("year")), form.get("currency"), form.get("surplusAfterLabour"),
				form.get("investorReturns"), form.get("equipmentLoanServicing"), form.get("payRatio"),
				form.containsKey("genderPayPolicy") ? "yes".equals(form.get("genderPayPolicy")) : null, form.get("labourPayments"),
				form.get("fullTimeEquivalents"), form.get("grossRevenue"), form.get("landBackContributions"));
		try {
			submissions.declare(new PartnerId(id), input);
		} catch (InvalidInput e) {
			model.addAttribute("declaration", form);
			return dashboard(id, model, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "Financial declaration recorded");
		return "redirect:/manage/partners/" + id + "/qualification";
	}

	private static Integer parseYear(String text) {
		try {
			return Integer.valueOf(text.strip());
		} catch (RuntimeException e) {
			return null;
		}
	}

	@PostMapping("/manage/partners/{id}/qualification/evaluation")
	String evaluate(@PathVariable UUID id, RedirectAttributes redirect) {
		caller.requireManages(new PartnerId(id));
		evaluating.evaluate(new PartnerId(id), "asked by " + caller.actor());
		redirect.addFlashAttribute("notice", "Checked again just now");
		return "redirect:/manage/partners/" + id + "/qualification";
	}

	@PostMapping("/manage/qualification/cases/{id}/appeal")
	String appeal(@PathVariable UUID id, @RequestParam UUID partner, @RequestParam(required = false) String answer, Model model,
			RedirectAttributes redirect) {
		try {
			sanctions.appeal(id, answer);
		} catch (InvalidInput | Conflict e) {
			return dashboard(partner, model, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "Appeal sent: a steward who took no part in the decision will answer it");
		return "redirect:/manage/partners/" + partner + "/qualification";
	}

	@GetMapping("/manage/qualification/evidence/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable UUID id) {
		QualificationStore.EvidenceFile file = submissions.file(id);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
				.header("X-Content-Type-Options", "nosniff").contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
	}

	@GetMapping("/manage/qualification/reviews")
	String reviews(Model model) {
		return reviews(model, List.of());
	}

	private String reviews(Model model, List<String> problems) {
		caller.requireSteward();
		List<QualificationStore.EvidenceRow> queue = submissions.awaitingReview();
		model.addAttribute("queue", queue);
		model.addAttribute("appeals", sanctions.undecidedAppeals());
		model.addAttribute("partnerNames", partners.list(new Paged.Request(0, Paged.MAX_SIZE)).items().stream()
				.collect(Collectors.toMap(p -> p.id().value(), Partner::legalName)));
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "qualification/reviews";
	}

	@PostMapping("/manage/qualification/evidence/{id}/review")
	String review(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect) {
		try {
			submissions.review(id, "approve".equals(decision), comment);
		} catch (InvalidInput | Conflict e) {
			return reviews(model, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "approve".equals(decision) ? "Evidence approved" : "Evidence rejected; the partner sees your comment");
		return "redirect:/manage/qualification/reviews";
	}

	@PostMapping("/manage/qualification/appeals/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect) {
		try {
			sanctions.decide(id, "uphold".equals(decision), comment);
		} catch (InvalidInput | Conflict | NotPermitted e) {
			return reviews(model, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "Appeal decided");
		return "redirect:/manage/qualification/reviews";
	}
}
