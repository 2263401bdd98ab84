package coop.commonscloud.billing;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A payment as a source saw it. {@code reference} is the source's own id of it (a receipt number,
 * a bank transaction id, a card charge id): unique per source, it makes recording idempotent.
 * {@code method} says how it was paid (cash, bank transfer, card); {@code note} is optional.
 */
public record IncomingPayment(UUID person, Money amount, LocalDate receivedOn, String reference, String method,
		String note) {

	public IncomingPayment {
		List<String> problems = new ArrayList<>();
		if (person == null) {
			problems.add("Name the person who paid");
		}
		if (amount == null || amount.minorUnits() <= 0) {
			problems.add("A payment is a positive amount");
		}
		if (receivedOn == null) {
			problems.add("Give the date the payment was received");
		}
		if (reference == null || reference.isBlank() || reference.length() > 200) {
			problems.add("Give the payment's reference (a receipt number or bank transaction id), at most 200 characters");
		}
		if (note != null && note.length() > 500) {
			problems.add("A note is at most 500 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		reference = reference.strip();
		note = note == null || note.isBlank() ? null : note.strip();
	}
}
