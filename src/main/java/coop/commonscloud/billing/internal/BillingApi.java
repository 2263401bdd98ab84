package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.PaymentIntake;
import coop.commonscloud.platform.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A person's own plan and payments; stewards' manual entry, statement import and refunds. */
@RestController
@RequestMapping("/api/billing")
@Tag(name = "Billing")
record BillingApi(Plans plans, PaymentBook book, PaymentReferences references, Payers payers, ManualEntry manual,
			BankStatementImport statements, Clock clock) {

	record MyBilling(UUID person, String paymentReference, Optional<Plans.Choice> plan, List<Plans.Price> prices,
			List<PaymentBook.Entry> history) {
	}

	@GetMapping("/me")
	MyBilling me() {
		UUID me = payers.signedIn();
		return new MyBilling(me, references.of(me), plans.current(me), plans.prices(), book.historyOf(me));
	}

	record PlanRequest(String tier, String yearlyAmount) {
	}

	@PostMapping("/me/plan")
	ResponseEntity<Plans.Choice> choose(@RequestBody PlanRequest request) {
		UUID me = payers.signedIn();
		return ResponseEntity.status(HttpStatus.CREATED).body(plans.choose(me, Tier.parse(request.tier()), request.yearlyAmount()));
	}

	@GetMapping("/me/plans")
	List<Plans.Choice> myPlans() {
		return plans.history(payers.signedIn());
	}

	record ManualPayment(String payer, String amount, LocalDate receivedOn, String method, String reference, String note) {
	}

	record Recorded(UUID id, boolean duplicate) {
	}

	/** 201 for a new payment, 200 with {@code duplicate: true} when this reference was already entered. */
	@PostMapping("/payments")
	ResponseEntity<Recorded> enter(@RequestBody ManualPayment payment) {
		PaymentIntake.Outcome outcome = manual.record(payment.payer(), payment.amount(), payment.receivedOn(), payment.method(),
				payment.reference(), payment.note());
		boolean duplicate = outcome instanceof PaymentIntake.Outcome.AlreadyRecorded;
		return ResponseEntity.status(duplicate ? HttpStatus.OK : HttpStatus.CREATED).body(new Recorded(outcome.paymentId(), duplicate));
	}

	record RefundRequest(String amount, LocalDate refundedOn, String why) {
	}

	@PostMapping("/payments/{paymentId}/refunds")
	ResponseEntity<PaymentBook.Entry> refund(@PathVariable UUID paymentId, @RequestBody RefundRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(book.refund(paymentId, request.amount(),
				request.refundedOn() == null ? LocalDate.now(clock) : request.refundedOn(), request.why()));
	}

	/** Imports a bank statement (CSV, as the multipart field {@code file}). */
	@PostMapping("/statements")
	BankStatementImport.Result importStatement(@RequestParam("file") MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("Choose the bank statement's CSV file");
		}
		return statements.importStatement(file.getOriginalFilename(), new String(file.getBytes(), StandardCharsets.UTF_8));
	}

	@GetMapping("/unmatched")
	List<BankStatementImport.Unmatched> unmatched() {
		payers.requireSteward();
		return statements.unmatched();
	}

	record Assignment(String payer) {
	}

	@PostMapping("/unmatched/{transactionId}/assign")
	ResponseEntity<Recorded> assign(@PathVariable String transactionId, @RequestBody Assignment assignment) {
		PaymentIntake.Outcome outcome = statements.assign(transactionId, assignment.payer());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(outcome.paymentId(),
				outcome instanceof PaymentIntake.Outcome.AlreadyRecorded));
	}
}
