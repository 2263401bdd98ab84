package coop.commonscloud.catalogue;

import coop.commonscloud.platform.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A licence on the region's governed list of liberatory licences: not OSI-approved or FSF-libre,
 * but accepted by the region (the Anti-Capitalist Software License, say). Its {@code id} is the
 * identifier used in SPDX expressions, usually {@code LicenseRef-...}.
 */
public record LiberatoryLicence(String id, String name, String url, String reason, String addedBy, Instant addedAt) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9.\\-]{1,100}");

	public LiberatoryLicence {
		List<String> problems = new ArrayList<>();
		if (id == null || !ID.matcher(id.strip()).matches()) {
			problems.add("A liberatory licence needs an SPDX-style identifier of letters, digits, '.' and '-', "
					+ "such as 'LicenseRef-Anti-Capitalist-1.4'; got '" + id + "'");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add("A liberatory licence needs a name of 1 to 200 characters");
		}
		if (url != null && url.length() > 500) {
			problems.add("The licence's address is at most 500 characters");
		}
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			problems.add("Say why the region accepts this licence (1 to 2000 characters)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		id = id.strip();
		name = name.strip();
		url = url == null || url.isBlank() ? null : url.strip();
		reason = reason.strip();
	}
}
