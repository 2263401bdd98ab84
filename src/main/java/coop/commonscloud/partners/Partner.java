package coop.commonscloud.partners;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;
import java.util.List;

/** A hosting co-op (or other body) that runs services for the region. */
public record Partner(PartnerId id, String legalName, Structure structure, String registrationNumber,
		List<Contact> contacts, Instant registeredAt) {

	public Partner {
		contacts = List.copyOf(contacts);
	}

	/** The same partner as the public may see it: without contacts. */
	public Partner withoutContacts() {
		return new Partner(id, legalName, structure, registrationNumber, List.of(), registeredAt);
	}
}
