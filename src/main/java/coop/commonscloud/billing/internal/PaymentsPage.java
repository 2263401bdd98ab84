package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.PaymentIntake;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stewards' payments page: manual entry, statement import, unmatched lines, refunds, concessions. */
@Controller
@RequestMapping("/manage/payments")
record PaymentsPage(PaymentBook book, ManualEntry manual, BankStatementImport statements, Plans plans, Payers payers, Clock clock) {

	@GetMapping
	String page(Model model) {
		payers.requireSteward();
		model.addAttribute("entries", book.recent());
		model.addAttribute("unmatched", statements.unmatched());
		model.addAttribute("concessions", plans.awaitingConfirmation());
		model.addAttribute("today", LocalDate.now(clock));
		return "billing/payments";
	}

	@PostMapping("/manual")
	String enter(@RequestParam(required = false) String payer, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String receivedOn, @RequestParam(required = false) String method,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		return attempt(flash, () -> {
			PaymentIntake.Outcome outcome = manual.record(payer, amount, date(receivedOn), method, reference, note);
			return outcome instanceof PaymentIntake.Outcome.Recorded ? "The payment was recorded"
					: "Nothing new: a manual payment with the reference '" + reference.strip() + "' was already recorded";
		});
	}

	@PostMapping("/import")
	String importStatement(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return attempt(flash, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("Choose the bank statement's CSV file");
			}
			String csv;
			try {
				csv = new String(file.getBytes(), StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new InvalidInput("The file could not be read; try uploading it again");
			}
			BankStatementImport.Result result = statements.importStatement(file.getOriginalFilename(), csv);
			flash.addFlashAttribute("result", result);
			return result.summary();
		});
	}

	@PostMapping("/unmatched/assign")
	String assign(@RequestParam(required = false) String transactionId, @RequestParam(required = false) String payer,
			RedirectAttributes flash) {
		return attempt(flash, () -> {
			statements.assign(transactionId, payer);
			return "The bank line " + transactionId + " was recorded as a payment";
		});
	}

	@PostMapping("/{paymentId}/refund")
	String refund(@PathVariable String paymentId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String refundedOn, @RequestParam(required = false) String why,
			RedirectAttributes flash) {
		return attempt(flash, () -> {
			PaymentBook.Entry refund = book.refund(id(paymentId), amount, refundedOn == null || refundedOn.isBlank()
					? LocalDate.now(clock) : date(refundedOn), why);
			return "Refunded " + refund.amount();
		});
	}

	@PostMapping("/concessions/{choiceId}/confirm")
	String confirm(@PathVariable long choiceId, RedirectAttributes flash) {
		return attempt(flash, () -> {
			plans.confirm(choiceId);
			return "The concession was confirmed";
		});
	}

	private static String attempt(RedirectAttributes flash, Supplier<String> action) {
		try {
			flash.addFlashAttribute("notice", action.get());
		} catch (InvalidInput | Conflict | NotFound e) {
			flash.addFlashAttribute("problems", Problems.of(e));
		}
		return "redirect:/manage/payments";
	}

	private static LocalDate date(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			throw new InvalidInput("'" + text + "' is not a date (yyyy-mm-dd)");
		}
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			throw new NotFound("No payment " + text);
		}
	}

}
