package coop.commonscloud.catalogue;

import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A free-software application the region's partners may offer. {@code licence} is an SPDX licence
 * expression; {@code coveredByLoRes} says the region's LoRes (low-resource) rule applies to it, so
 * public offerings of it must offer and recommend a LoRes-compatible option.
 */
public record ApplicationDetails(String name, String licence, boolean coveredByLoRes, String website,
		String description) {

	public ApplicationDetails {
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add("An application needs a name of 1 to 100 characters");
		}
		if (licence == null || licence.isBlank() || licence.length() > 1000) {
			problems.add("An application needs its SPDX licence expression (1 to 1000 characters), "
					+ "such as 'AGPL-3.0-or-later'");
		}
		if (website != null && website.length() > 500) {
			problems.add("The website address is at most 500 characters");
		}
		if (description != null && description.length() > 2000) {
			problems.add("The description is at most 2000 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		name = name.strip();
		licence = licence.strip();
		website = website == null || website.isBlank() ? null : website.strip();
		description = description == null || description.isBlank() ? null : description.strip();
	}
}
