package coop.commonscloud.settlement.internal;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Csv;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.settlement.internal.SettlementStore.Run;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Currency;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** CSV exports of a posted settlement for stewards: the providers' totals, and every person's split. */
@Controller
record SettlementExports(SettlementStore store, ProviderDirectory directory, Caller caller) {

	private Run posted(String period) {
		caller.requireSteward();
		YearMonth month = SettlementPages.period(period);
		return store.find(month).filter(r -> r.status() == SettlementStore.Status.POSTED)
				.orElseThrow(() -> new NotFound("The settlement of " + month + " has not been posted"));
	}

	@GetMapping("/manage/settlements/{period}/providers.csv")
	void providers(@PathVariable String period, HttpServletResponse response) throws IOException {
		Run run = posted(period);
		PeriodTotals.Result result = store.postedResult(run).orElseThrow();
		ProviderDirectory.Snapshot names = directory.snapshot();
		PrintWriter out = csv(response, "settlement-" + run.period() + "-providers.csv");
		out.print("period,partner_id,partner,settler_run,people,usage,by_usage,by_fallback,gross,land_back_levy,payable,currency\n");
		for (PeriodTotals.ProviderResult p : result.providers()) {
			out.print(run.period() + "," + p.provider() + "," + Csv.field(names.partnerName(p.provider())) + ","
					+ p.settlerRun() + "," + p.people() + "," + p.weight() + "," + amount(p.usageGross(), run.currency()) + ","
					+ amount(p.fallbackGross(), run.currency()) + "," + amount(p.gross(), run.currency()) + ","
					+ amount(p.levy(), run.currency()) + "," + amount(p.payable(), run.currency()) + ","
					+ run.currency().getCurrencyCode() + "\n");
		}
		out.flush();
	}

	@GetMapping("/manage/settlements/{period}/people.csv")
	void people(@PathVariable String period, HttpServletResponse response) throws IOException {
		Run run = posted(period);
		PrintWriter out = csv(response, "settlement-" + run.period() + "-people.csv");
		out.print("period,person,line,kind,partner_id,amount,usage,detail,currency\n");
		store.forEachLine(run.id(), l -> out.print(run.period() + "," + l.person() + "," + l.lineNo() + "," + l.kind() + ","
				+ (l.partner() == null ? "" : l.partner()) + "," + amount(l.amountMinor(), run.currency()) + "," + l.weight() + ","
				+ (l.detail() == null ? "" : Csv.field(l.detail())) + "," + run.currency().getCurrencyCode() + "\n"));
		out.flush();
	}

	private static String amount(long minor, Currency currency) {
		return new Money(minor, currency).amount().toPlainString();
	}

	private static PrintWriter csv(HttpServletResponse response, String filename) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
		return response.getWriter();
	}
}
