package coop.commonscloud.identity;

import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** What it takes to open an account. A partner admin names the partner they administer. */
public record NewAccount(String username, String displayName, String password, Role role, UUID partnerId,
		String email) {

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{1,39}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
	public static final int MINIMUM_PASSWORD_LENGTH = 12;

	public NewAccount {
		List<String> problems = new ArrayList<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			problems.add("A username is 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
			problems.add("A display name is 1 to 100 characters");
		}
		if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH || password.length() > 1000) {
			problems.add("A password is at least " + MINIMUM_PASSWORD_LENGTH + " characters long");
		}
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add("An email address looks like name@example.org; got '" + email + "'");
		}
		if (role == null) {
			problems.add("Choose a role: STEWARD, PARTNER_ADMIN or MEMBER");
		} else if (role == Role.PARTNER_ADMIN && partnerId == null) {
			problems.add("A partner admin needs the partner they administer");
		} else if (role != Role.PARTNER_ADMIN && partnerId != null) {
			problems.add("Only a partner admin is tied to a partner");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** An account without an email address (bootstrap and scripts). */
	public NewAccount(String username, String displayName, String password, Role role, UUID partnerId) {
		this(username, displayName, password, role, partnerId, null);
	}
}
