package coop.commonscloud.ledger.internal;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Csv;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.OperatingCurrency;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger for stewards and accountants: balances, and exports as Beancount and CSV. */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "Ledger")
record LedgerApi(Ledger ledger, Caller caller, OperatingCurrency currency) {

	record Balance(String account, String currency, String amount) {
	}

	@GetMapping("/balances")
	List<Balance> balances() {
		caller.requireSteward();
		List<Balance> balances = new ArrayList<>();
		ledger.balances().forEach((account, amounts) -> amounts.forEach(m ->
				balances.add(new Balance(account.name(), m.currency().getCurrencyCode(), m.amount().toPlainString()))));
		return balances;
	}

	@GetMapping(path = "/export.beancount", produces = "text/plain")
	ResponseEntity<String> beancount() {
		caller.requireSteward();
		Map<LedgerAccount, List<Money>> balances = ledger.balances();
		String journal = BeancountJournal.write("Commons Cloud ledger", currency.code(), ledger.journal(), balances);
		return download(journal, "ledger.beancount");
	}

	@GetMapping(path = "/export.csv", produces = "text/csv")
	ResponseEntity<String> csv() {
		caller.requireSteward();
		StringBuilder out = new StringBuilder("transaction_id,date,cause_kind,cause_reference,description,account,currency,amount\n");
		for (PostedTransaction posted : ledger.journal()) {
			var t = posted.transaction();
			for (Posting p : t.postings()) {
				out.append(posted.id()).append(',').append(t.date()).append(',').append(t.cause().kind()).append(',')
						.append(Csv.field(t.cause().reference())).append(',').append(Csv.field(t.description())).append(',')
						.append(p.account().name()).append(',').append(p.amount().currency().getCurrencyCode()).append(',')
						.append(p.amount().amount().toPlainString()).append('\n');
			}
		}
		return download(out.toString(), "ledger.csv");
	}

	private static ResponseEntity<String> download(String body, String filename) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
				.contentType(filename.endsWith(".csv") ? MediaType.parseMediaType("text/csv; charset=UTF-8")
						: MediaType.parseMediaType("text/plain; charset=UTF-8"))
				.body(body);
	}
}
