package coop.commonscloud.partners;

import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/** What a partner registers with: its legal name, structure, registration number and contacts. */
public record PartnerDetails(String legalName, Structure structure, String registrationNumber, List<Contact> contacts) {

	public PartnerDetails {
		List<String> problems = new ArrayList<>();
		if (legalName == null || legalName.isBlank() || legalName.length() > 200) {
			problems.add("A partner needs a legal name of 1 to 200 characters");
		}
		if (structure == null) {
			problems.add("Choose the partner's structure: REGISTERED_COOPERATIVE, OTHER_INCORPORATED_BODY or "
					+ "UNINCORPORATED_COLLECTIVE");
		}
		boolean hasNumber = registrationNumber != null && !registrationNumber.isBlank();
		if (structure != null && structure != Structure.UNINCORPORATED_COLLECTIVE && !hasNumber) {
			problems.add("A registered co-operative or incorporated body needs its registration number");
		}
		if (hasNumber && registrationNumber.length() > 60) {
			problems.add("A registration number is at most 60 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		legalName = legalName.strip();
		registrationNumber = hasNumber ? registrationNumber.strip() : null;
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}
}
