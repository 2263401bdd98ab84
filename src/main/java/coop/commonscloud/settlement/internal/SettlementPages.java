package coop.commonscloud.settlement.internal;

import coop.commonscloud.ledger.OperatingCurrency;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.settlement.internal.SettlementStore.Run;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settlement pages: the stewards' settlement page (choose a period, preview, post, progress,
 * result, exports), a provider's earnings (its admins and the stewards), a person's "where my
 * money went", and the public report of a posted period (totals only, with the flow chart).
 */
@Controller
record SettlementPages(SettlingPeriod settling, SettlementStore store, ProviderDirectory directory, Caller caller,
			OperatingCurrency currency) {

	static YearMonth period(String value) {
		try {
			return YearMonth.parse(value == null ? "" : value.strip());
		} catch (DateTimeParseException e) {
			throw new InvalidInput("A period is a month written as year-month, such as 2026-10; got '" + value + "'");
		}
	}

	@GetMapping("/manage/settlements")
	String index(Model model) {
		caller.requireSteward();
		model.addAttribute("posted", store.posted());
		model.addAttribute("suggested", settling.currentPeriod().minusMonths(1).toString());
		model.addAttribute("sourcesAvailable", settling.sourcesAvailable());
		return "settlement/index";
	}

	@GetMapping("/manage/settlements/preview")
	String preview(@RequestParam(required = false) String period, Model model) {
		caller.requireSteward();
		YearMonth month = period(period);
		var existing = store.find(month);
		if (existing.isPresent()) {
			return "redirect:/manage/settlements/" + month;
		}
		SettlingPeriod.Preview preview = settling.preview(month);
		model.addAttribute("preview", preview);
		model.addAttribute("period", month.toString());
		model.addAttribute("result", view(preview.result()));
		return "settlement/preview";
	}

	@PostMapping("/manage/settlements/{period}/post")
	String post(@PathVariable String period, RedirectAttributes redirect) {
		YearMonth month = period(period);
		settling.start(month);
		redirect.addFlashAttribute("notice", "Settlement of " + month + " started");
		return "redirect:/manage/settlements/" + month;
	}

	@GetMapping("/manage/settlements/{period}")
	String run(@PathVariable String period, Model model, jakarta.servlet.http.HttpServletResponse response) {
		caller.requireSteward();
		YearMonth month = period(period);
		Run run = store.find(month).orElseThrow(() -> new NotFound("The settlement of " + month + " has not been started"));
		model.addAttribute("run", run);
		model.addAttribute("period", month.toString());
		model.addAttribute("running", run.status() == SettlementStore.Status.RUNNING && settling.isRunning(month));
		model.addAttribute("stopped", run.status() == SettlementStore.Status.RUNNING && !settling.isRunning(month));
		if (run.status() == SettlementStore.Status.RUNNING && settling.isRunning(month)) {
			response.setHeader("Refresh", "2"); // progress without script: the browser reloads the page while the run goes on
		}
		store.postedResult(run).ifPresent(r -> model.addAttribute("result", view(r)));
		return "settlement/run";
	}

	@GetMapping("/region/settlements")
	String reports(Model model) {
		model.addAttribute("posted", store.posted());
		return "settlement/reports";
	}

	@GetMapping("/region/settlements/{period}")
	String report(@PathVariable String period, Model model) {
		YearMonth month = period(period);
		Run run = store.find(month).filter(r -> r.status() == SettlementStore.Status.POSTED)
				.orElseThrow(() -> new NotFound("The settlement of " + month + " has not been posted"));
		PeriodTotals.Result result = store.postedResult(run).orElseThrow();
		View view = view(result);
		List<FlowChart.Middle> middles = new ArrayList<>();
		middles.add(new FlowChart.Middle("Stewardship", result.stewardship(), 0));
		for (ProviderLine p : view.providers()) {
			middles.add(new FlowChart.Middle(p.name(), p.result().gross(), p.result().levy()));
		}
		if (result.commonsFund() != 0) {
			middles.add(new FlowChart.Middle("Commons fund", result.commonsFund(), 0));
		}
		model.addAttribute("period", month.toString());
		model.addAttribute("run", run);
		model.addAttribute("result", view);
		model.addAttribute("chart", FlowChart.svg("Where the payments of " + month + " went", result.currency().getCurrencyCode(),
				result.currency().getDefaultFractionDigits(), result.payments(), middles));
		return "settlement/report";
	}

	@GetMapping("/manage/partners/{id}/earnings")
	String earnings(@PathVariable UUID id, Model model) {
		caller.requireManages(new PartnerId(id));
		ProviderDirectory.Snapshot names = directory.snapshot();
		model.addAttribute("partnerId", id);
		model.addAttribute("partnerName", names.partnerName(id));
		model.addAttribute("earnings", store.earningsOf(id).stream()
				.map(e -> new EarningLine(e.period().toString(), e.result(), Currency.getInstance(e.currency())))
				.toList());
		return "settlement/earnings";
	}

	record EarningLine(String period, PeriodTotals.ProviderResult result, Currency currency) {

		public String money(long minor) {
			return new Money(minor, currency).amount().toPlainString();
		}
	}

	@GetMapping("/account/billing/statement")
	String statement(Model model) {
		caller.requireSignedIn();
		UUID person = caller.accountId().orElseThrow(() -> new NotFound("Your account was not found")).value();
		ProviderDirectory.Snapshot names = directory.snapshot();
		List<StatementLine> periods = new ArrayList<>();
		for (Map.Entry<YearMonth, List<SettlementStore.Line>> e : store.linesOf(person).entrySet()) {
			Currency currency = store.find(e.getKey()).map(Run::currency).orElse(this.currency.currency());
			long net = e.getValue().stream().mapToLong(SettlementStore.Line::amountMinor).sum();
			periods.add(new StatementLine(e.getKey().toString(), new Money(net, currency).toString(),
					SettlingPeriod.describe(e.getValue(), currency, names)));
		}
		model.addAttribute("periods", periods);
		return "settlement/statement";
	}

	record StatementLine(String period, String paid, List<String> parts) {
	}

	record ProviderLine(String name, PeriodTotals.ProviderResult result) {
	}

	/** A result with names and amounts formatted for a page. */
	record View(PeriodTotals.Result totals, List<ProviderLine> providers) {

		public String money(long minor) {
			return new Money(minor, totals.currency()).amount().toPlainString();
		}

		public String currency() {
			return totals.currency().getCurrencyCode();
		}
	}

	View view(PeriodTotals.Result result) {
		ProviderDirectory.Snapshot names = directory.snapshot();
		return new View(result, result.providers().stream()
				.sorted(java.util.Comparator.comparingLong((PeriodTotals.ProviderResult p) -> -p.gross())
						.thenComparing(p -> p.provider(), PeriodInputs.PERSON_ORDER))
				.map(p -> new ProviderLine(names.partnerName(p.provider()), p))
				.toList());
	}

}
