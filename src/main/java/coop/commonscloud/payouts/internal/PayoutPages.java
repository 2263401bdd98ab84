package coop.commonscloud.payouts.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.platform.Problems;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The steward's payouts page (per period: batches, files) and a partner's own bank details and payouts. */
@Controller
record PayoutPages(PayoutBatches batches, PayoutFiles files, ProviderBankAccounts bankAccounts, Partners partners,
			Caller caller, Clock clock) {

	record BankForm(String bsb, String accountNumber, String accountName, String iban, String bic, String accountHolder) {

		static BankForm of(BankDetails d) {
			var au = d == null ? null : d.australian();
			var eu = d == null ? null : d.sepa();
			return new BankForm(au == null ? "" : au.bsb(), au == null ? "" : au.accountNumber(), au == null ? "" : au.accountName(),
					eu == null ? "" : eu.iban(), eu == null ? "" : eu.bic(), eu == null ? "" : eu.holder());
		}
	}

	@GetMapping("/manage/payouts")
	String stewardPage(@RequestParam(required = false) String period, Model model) {
		if (!caller.isSteward() && caller.adminOf().isPresent()) {
			return "redirect:/manage/payouts/partners/" + caller.adminOf().get();
		}
		caller.requireSteward();
		YearMonth shown;
		try {
			shown = period == null || period.isBlank() ? YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1) : PayoutApi.period(period);
		} catch (InvalidInput e) {
			model.addAttribute("problems", e.problems());
			shown = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
		}
		return stewardView(model, shown);
	}

	private String stewardView(Model model, YearMonth period) {
		List<PayoutBatch> list = batches.ofPeriod(period);
		Map<UUID, String> names = new HashMap<>();
		list.forEach(b -> names.computeIfAbsent(b.partnerId(), id -> partners.findBy(new PartnerId(id))
				.map(Partner::legalName).orElse(id.toString())));
		model.addAttribute("period", period.toString());
		model.addAttribute("batches", list);
		model.addAttribute("names", names);
		model.addAttribute("exports", files.exports(period));
		model.addAttribute("periods", batches.periods());
		return "payouts/steward";
	}

	@PostMapping("/manage/payouts/batches")
	String create(@RequestParam String period, Model model, RedirectAttributes redirect) {
		YearMonth p;
		try {
			p = PayoutApi.period(period);
			var outcome = batches.create(p);
			redirect.addFlashAttribute("notice", outcome.created().size() + " batch(es) made, " + outcome.existing().size()
					+ " already there" + (outcome.skipped().isEmpty() ? "" : ", " + outcome.skipped().size() + " not paid yet"));
			redirect.addFlashAttribute("skipped", outcome.skipped());
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("problems", Problems.of(e));
			return stewardView(model, YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
		}
		return "redirect:/manage/payouts?period=" + p;
	}

	@PostMapping("/manage/payouts/exports")
	String export(@RequestParam String period, @RequestParam String format, Model model, RedirectAttributes redirect) {
		YearMonth p = PayoutApi.period(period);
		try {
			PayoutExport export = files.export(p, Choice.of(PayoutExport.Format.class, format, "The file format"));
			redirect.addFlashAttribute("notice", "File " + export.filename() + " made with " + export.batches() + " payout(s)");
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("problems", Problems.of(e));
			return stewardView(model, p);
		}
		return "redirect:/manage/payouts?period=" + p;
	}

	@GetMapping("/manage/payouts/exports/{id}")
	ResponseEntity<String> download(@PathVariable long id) {
		return PayoutApi.download(files.download(id));
	}

	@PostMapping("/manage/payouts/batches/{id}/reversal")
	String reverse(@PathVariable long id, @RequestParam(required = false) String why, Model model, RedirectAttributes redirect) {
		try {
			PayoutBatch reversed = batches.reverse(id, why);
			redirect.addFlashAttribute("notice", "Payout " + reversed.reference() + " reversed");
			return "redirect:/manage/payouts?period=" + reversed.period();
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("problems", Problems.of(e));
			return stewardView(model, YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
		}
	}

	@GetMapping("/manage/payouts/partners/{partnerId}")
	String partnerPage(@PathVariable UUID partnerId, Model model) {
		return partnerView(model, partnerId, BankForm.of(bankAccounts.of(partnerId).orElse(null)), List.of());
	}

	@PostMapping("/manage/payouts/partners/{partnerId}/bank-details")
	String saveBankDetails(@PathVariable UUID partnerId, @ModelAttribute("bankForm") BankForm form, Model model, RedirectAttributes redirect) {
		try {
			bankAccounts.save(partnerId, form.bsb(), form.accountNumber(), form.accountName(), form.iban(), form.bic(),
					form.accountHolder());
		} catch (InvalidInput | Conflict e) {
			return partnerView(model, partnerId, form, Problems.of(e));
		}
		redirect.addFlashAttribute("notice", "Bank details saved");
		return "redirect:/manage/payouts/partners/" + partnerId;
	}

	private String partnerView(Model model, UUID partnerId, BankForm form, List<String> problems) {
		caller.requireManages(new PartnerId(partnerId));
		model.addAttribute("partner", partners.get(new PartnerId(partnerId)));
		model.addAttribute("bankForm", form);
		model.addAttribute("batches", batches.ofPartner(partnerId));
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		return "payouts/partner";
	}
}
