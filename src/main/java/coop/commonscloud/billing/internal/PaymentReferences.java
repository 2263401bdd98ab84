package coop.commonscloud.billing.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's payment reference, such as {@code CC-7KQ2-M9XD}: written on a bank transfer, it
 * lets the statement import find the payer. Crockford's base-32 alphabet (no I, L, O or U), so it
 * survives being read aloud or typed into a banking app; banks that drop the hyphens or change the
 * case still match.
 */
@Component
class PaymentReferences {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final Pattern IN_TEXT = Pattern.compile("CC[- ]?([0-9A-Z]{4})[- ]?([0-9A-Z]{4})(?![0-9A-Z])",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;
	private final SecureRandom random = new SecureRandom();

	PaymentReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's reference, made on first use. */
	String of(UUID person) {
		Optional<String> known = find(person);
		while (known.isEmpty()) {
			jdbc.sql("insert into billing_payer (person, payment_reference) values (:person, :reference) on conflict do nothing")
					.param("person", person).param("reference", fresh()).update();
			known = find(person);
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
			Optional<UUID> person = jdbc.sql("select person from billing_payer where payment_reference = :reference")
					.param("reference", reference).query(UUID.class).optional();
			if (person.isPresent()) {
				return person;
			}
		}
		return Optional.empty();
	}

	private Optional<String> find(UUID person) {
		return jdbc.sql("select payment_reference from billing_payer where person = :person").param("person", person)
				.query(String.class).optional();
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
