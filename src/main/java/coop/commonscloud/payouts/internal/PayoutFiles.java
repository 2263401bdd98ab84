package coop.commonscloud.payouts.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a period's batches that are not yet exported into one ABA file (AUD) or one pain.001.001.09
 * file (EUR), stores it, and marks the batches exported. A file is checked when it is made and again
 * before every download: a file that fails its check is never handed out.
 */
@Service
@RequiredArgsConstructor
class PayoutFiles {

	private final PayoutStore store;
	private final PayoutSettings settings;
	private final Partners partners;
	private final Caller caller;
	private final Clock clock;

	/** A stored file, checked just now. */
	record File(PayoutExport export, String content) {
	}

	@Transactional
	PayoutExport export(YearMonth period, PayoutExport.Format format) {
		caller.requireSteward();
		store.lockPeriod(period);
		List<PayoutBatch> batches = store.ofPeriod(period).stream()
				.filter(b -> b.status() == PayoutBatch.Status.CREATED)
				.filter(b -> b.amount().currency().getCurrencyCode().equals(format.currency))
				.toList();
		if (batches.isEmpty()) {
			throw new Conflict("There are no " + format.currency + " payout batches for " + period
					+ " waiting to be exported; make the batches first, or find the file already exported");
		}
		String content = switch (format) {
			case ABA -> aba(batches);
			case PAIN001 -> pain001(period, batches);
		};
		check(format, content);
		long total = batches.stream().mapToLong(b -> b.amount().minorUnits()).sum();
		long id = store.insertExport(period, format, batches.size(), total, content, sha256(content), caller.actor());
		store.markExported(batches.stream().map(PayoutBatch::id).toList(), id);
		return store.export(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	File download(long exportId) {
		caller.requireSteward();
		PayoutExport export = store.export(exportId).orElseThrow(() -> new NotFound("There is no payout file " + exportId));
		String content = store.exportContent(exportId);
		if (!sha256(content).equals(export.sha256())) {
			throw new Conflict("Payout file " + exportId + " no longer matches the checksum it was stored with");
		}
		check(export.format(), content);
		return new File(export, content);
	}

	@Transactional(readOnly = true)
	List<PayoutExport> exports(YearMonth period) {
		caller.requireSteward();
		return store.exports(period);
	}

	private String aba(List<PayoutBatch> batches) {
		return AbaFile.write(settings.remitter(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), batches.stream()
				.map(b -> new AbaFile.Credit(b.australian().bsb(), b.australian().accountNumber(), b.australian().accountName(),
						b.amount().minorUnits(), b.reference()))
				.toList());
	}

	private String pain001(YearMonth period, List<PayoutBatch> batches) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
		String messageId = "CC-PAYOUTS-" + period + "-" + now.toLocalDate().toString().replace("-", "") + "-"
				+ now.toLocalTime().toSecondOfDay();
		return Pain001.write(messageId, now, now.toLocalDate(), settings.debtor(), batches.stream()
				.map(b -> new Pain001.Credit(b.reference(), b.sepa().holder(), b.sepa().iban(), b.sepa().bic(),
						b.amount().minorUnits(), "Commons Cloud payout " + b.reference() + " for " + period + " to "
								+ partners.findBy(new PartnerId(b.partnerId())).map(p -> p.legalName()).orElse("provider")))
				.toList());
	}

	private static void check(PayoutExport.Format format, String content) {
		List<String> problems = format == PayoutExport.Format.ABA ? AbaValidator.problems(content) : Pain001.problems(content);
		if (!problems.isEmpty()) {
			throw new Conflict("The " + format + " file fails its check, so it is not handed out: " + String.join("; ", problems));
		}
	}

	static String sha256(String content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
