package coop.commonscloud.billing.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Each person's payment reference, such as {@code CC-7KQ2-M9XD}: written on a bank transfer, it
 * lets the statement import find the payer. Crockford's base-32 alphabet (no I, L, O or U), so it
 * survives being read aloud or typed into a banking app; banks that drop the hyphens or change the
 * case still match.
 */
@Component
@RequiredArgsConstructor
class PaymentReferences {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final Pattern IN_TEXT = Pattern.compile("CC[- ]?([0-9A-Z]{4})[- ]?([0-9A-Z]{4})(?![0-9A-Z])",
			Pattern.CASE_INSENSITIVE);

	private final PaymentStore store;
	private final SecureRandom random = new SecureRandom();

	/** The person's reference, made on first use. */
	String of(UUID person) {
		Optional<String> known = store.referenceOf(person);
		while (known.isEmpty()) {
			store.insertPayer(person, fresh());
			known = store.referenceOf(person);
		}
		return known.get();
	}

	/** The person whose reference appears in a bank line's text, if any. */
	Optional<UUID> payerIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = IN_TEXT.matcher(text);
		while (matcher.find()) {
			String reference = "CC-" + matcher.group(1).toUpperCase(Locale.ROOT) + "-" + matcher.group(2).toUpperCase(Locale.ROOT);
			Optional<UUID> person = store.payerWithReference(reference);
			if (person.isPresent()) {
				return person;
			}
		}
		return Optional.empty();
	}

	private String fresh() {
		StringBuilder reference = new StringBuilder("CC-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return reference.toString();
	}
}
