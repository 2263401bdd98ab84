package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payouts: providers' bank details (their own admins and stewards), batches and bank files (stewards). */
@RestController
@RequestMapping("/api/payouts")
@Tag(name = "Payouts")
record PayoutApi(ProviderBankAccounts bankAccounts, PayoutBatches batches, PayoutFiles files) {

	record BankDetailsBody(String bsb, String accountNumber, String accountName, String iban, String bic, String accountHolder) {
	}

	record BankDetailsView(UUID partnerId, String bsb, String accountNumber, String accountName, String iban, String bic,
			String accountHolder, Instant updatedAt, String updatedBy) {

		static BankDetailsView of(BankDetails d) {
			var au = d.australian();
			var eu = d.sepa();
			return new BankDetailsView(d.partnerId(), au == null ? null : au.bsb(), au == null ? null : au.accountNumber(),
					au == null ? null : au.accountName(), eu == null ? null : eu.iban(), eu == null ? null : eu.bic(),
					eu == null ? null : eu.holder(), d.updatedAt(), d.updatedBy());
		}
	}

	record BatchView(long id, String reference, String period, UUID partnerId, String currency, String amount, String account,
			long ledgerTransactionId, String status, Long exportId, Long reversalTransactionId, String reversalReason,
			Instant createdAt) {

		static BatchView of(PayoutBatch b) {
			return new BatchView(b.id(), b.reference(), b.period().toString(), b.partnerId(), b.amount().currency().getCurrencyCode(),
					b.amount().amount().toPlainString(), b.maskedAccount(), b.ledgerTransactionId(), b.status().name(), b.exportId(),
					b.reversalTransactionId(), b.reversalReason(), b.createdAt());
		}
	}

	record OutcomeView(List<BatchView> created, List<BatchView> existing, List<String> skipped) {
	}

	record ExportView(long id, String period, String format, int batches, String currency, String total, String sha256,
			Instant createdAt, String createdBy, String download) {

		static ExportView of(PayoutExport e) {
			return new ExportView(e.id(), e.period().toString(), e.format().name(), e.batches(), e.total().currency().getCurrencyCode(),
					e.total().amount().toPlainString(), e.sha256(), e.createdAt(), e.createdBy(),
					"/api/payouts/exports/" + e.id() + "/file");
		}
	}

	record ReversalBody(String why) {
	}

	@GetMapping("/partners/{partnerId}/bank-details")
	BankDetailsView bankDetails(@PathVariable UUID partnerId) {
		return bankAccounts.of(partnerId).map(BankDetailsView::of)
				.orElseThrow(() -> new coop.commonscloud.platform.NotFound("This partner has no bank details on record"));
	}

	@PutMapping("/partners/{partnerId}/bank-details")
	BankDetailsView saveBankDetails(@PathVariable UUID partnerId, @RequestBody BankDetailsBody body) {
		return BankDetailsView.of(bankAccounts.save(partnerId, body.bsb(), body.accountNumber(), body.accountName(), body.iban(),
				body.bic(), body.accountHolder()));
	}

	@GetMapping("/partners/{partnerId}/batches")
	List<BatchView> partnerBatches(@PathVariable UUID partnerId) {
		return batches.ofPartner(partnerId).stream().map(BatchView::of).toList();
	}

	@GetMapping("/periods/{period}/batches")
	List<BatchView> periodBatches(@PathVariable String period) {
		return batches.ofPeriod(period(period)).stream().map(BatchView::of).toList();
	}

	@PostMapping("/periods/{period}/batches")
	OutcomeView createBatches(@PathVariable String period) {
		var outcome = batches.create(period(period));
		return new OutcomeView(outcome.created().stream().map(BatchView::of).toList(),
				outcome.existing().stream().map(BatchView::of).toList(), outcome.skipped());
	}

	@PostMapping("/batches/{id}/reversal")
	BatchView reverse(@PathVariable long id, @RequestBody ReversalBody body) {
		return BatchView.of(batches.reverse(id, body.why()));
	}

	@GetMapping("/periods/{period}/exports")
	List<ExportView> exports(@PathVariable String period) {
		return files.exports(period(period)).stream().map(ExportView::of).toList();
	}

	@PostMapping("/periods/{period}/exports/{format}")
	@ResponseStatus(HttpStatus.CREATED)
	ExportView export(@PathVariable String period, @PathVariable String format) {
		return ExportView.of(files.export(period(period), Choice.of(PayoutExport.Format.class, format, "format")));
	}

	@GetMapping("/exports/{id}/file")
	ResponseEntity<String> file(@PathVariable long id) {
		return download(files.download(id));
	}

	static ResponseEntity<String> download(PayoutFiles.File file) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.export().filename()).build().toString())
				.contentType(MediaType.parseMediaType(file.export().format().mediaType + "; charset=UTF-8"))
				.body(file.content());
	}

	static YearMonth period(String text) {
		try {
			return YearMonth.parse(text == null ? "" : text.strip());
		} catch (DateTimeParseException e) {
			throw new InvalidInput("Write the period as YYYY-MM, such as 2026-10");
		}
	}
}
