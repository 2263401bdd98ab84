package coop.commonscloud.partners;

import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A person to reach at a partner. Contacts are private to the partner and the stewards. */
public record Contact(String name, String role, String email, String phone) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public Contact {
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add("A contact needs a name of 1 to 200 characters");
		}
		if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
			problems.add("A contact needs a valid email address; got '" + email + "'");
		}
		if (phone != null && phone.length() > 40) {
			problems.add("A phone number is at most 40 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		name = name.strip();
		role = role == null || role.isBlank() ? null : role.strip();
		phone = phone == null || phone.isBlank() ? null : phone.strip();
	}
}
