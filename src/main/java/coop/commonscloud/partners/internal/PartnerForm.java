package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Contact;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A partner's details as a person types them, contacts as rows. The rows are read from repeated
 * parameters by position rather than by data binding, which would split a single value at commas.
 */
record PartnerForm(String legalName, String structure, String registrationNumber, List<ContactRow> contacts) {

	record ContactRow(String name, String role, String email, String phone) {

		boolean isBlank() {
			return blank(name) && blank(role) && blank(email) && blank(phone);
		}
	}

	static PartnerForm blank() {
		return new PartnerForm(null, null, null, List.of()).withEmptyRow();
	}

	static PartnerForm of(Partner partner) {
		return new PartnerForm(partner.legalName(), partner.structure().name(), partner.registrationNumber(),
				partner.contacts().stream().map(c -> new ContactRow(c.name(), c.role(), c.email(), c.phone())).toList())
				.withEmptyRow();
	}

	static PartnerForm from(Map<String, String[]> params) {
		String[] names = params.getOrDefault("contactName", new String[0]);
		List<ContactRow> rows = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			rows.add(new ContactRow(names[i], at(params, "contactRole", i), at(params, "contactEmail", i),
					at(params, "contactPhone", i)));
		}
		return new PartnerForm(at(params, "legalName", 0), at(params, "structure", 0),
				at(params, "registrationNumber", 0), rows);
	}

	/** One empty contact row to fill in, so a contact can be added without JavaScript. */
	PartnerForm withEmptyRow() {
		List<ContactRow> rows = new ArrayList<>(contacts.stream().filter(r -> !r.isBlank()).toList());
		rows.add(new ContactRow(null, null, null, null));
		return new PartnerForm(legalName, structure, registrationNumber, rows);
	}

	PartnerDetails details() {
		List<String> problems = new ArrayList<>();
		List<Contact> parsed = new ArrayList<>();
		int number = 0;
		for (ContactRow row : contacts) {
			if (row.isBlank()) {
				continue;
			}
			number++;
			try {
				parsed.add(new Contact(row.name(), row.role(), row.email(), row.phone()));
			} catch (InvalidInput e) {
				for (String problem : e.problems()) {
					problems.add("Contact " + number + ": " + problem);
				}
			}
		}
		Structure parsedStructure = null;
		try {
			parsedStructure = blank(structure) ? null : Structure.valueOf(structure);
		} catch (IllegalArgumentException e) {
			problems.add("Choose the partner's structure from the list");
		}
		try {
			PartnerDetails details = new PartnerDetails(legalName, parsedStructure, registrationNumber, parsed);
			if (problems.isEmpty()) {
				return details;
			}
		} catch (InvalidInput e) {
			problems.addAll(0, e.problems());
		}
		throw new InvalidInput(problems);
	}

	private static String at(Map<String, String[]> params, String name, int index) {
		String[] values = params.get(name);
		return values != null && index < values.length ? values[index] : null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
