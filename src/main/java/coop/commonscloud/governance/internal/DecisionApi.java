package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Outcome;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Paged;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public decision log, each poll's results (unless hidden until close) and its receipts. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance")
record DecisionApi(DecisionStore decisions, Results results) {

	@GetMapping("/decisions")
	Paged<Decision> decisions(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paged.Request request = new Paged.Request(page, size);
		return new Paged<>(decisions.page(request.offset(), request.size()), page, size, decisions.count());
	}

	@GetMapping("/decisions/{number}")
	Decision decision(@PathVariable long number) {
		return decisions.byNumber(number).orElseThrow(() -> new NotFound("There is no decision " + number));
	}

	record ResultsView(UUID poll, Outcome outcome, String explanation, BigDecimal weightCast, int ballotsCast,
			Map<String, BigDecimal> totals, Map<String, Object> workings, Long decision,
			List<Results.NamedVote> namedBallots) {
	}

	/** Live results while the poll runs (unless hidden), the recorded outcome once it closed. */
	@GetMapping("/polls/{id}/results")
	ResultsView results(@PathVariable UUID id) {
		Results.Standing s = results.of(id);
		Outcome outcome = s.decision().map(Decision::outcome).orElse(s.count().outcome());
		String explanation = s.decision().map(Decision::explanation).orElse(s.count().explanation());
		return new ResultsView(id, outcome, explanation, s.count().weightCast(), s.count().ballotsCast(), s.count().totals(),
				s.count().workings(), s.decision().map(Decision::number).orElse(null), s.namedVotes());
	}

	@GetMapping("/polls/{id}/receipts")
	List<Receipt> receipts(@PathVariable UUID id) {
		return results.receipts(id);
	}
}
