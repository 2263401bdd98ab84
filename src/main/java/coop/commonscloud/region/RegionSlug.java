package coop.commonscloud.region;

import com.fasterxml.jackson.annotation.JsonValue;
import coop.commonscloud.platform.InvalidInput;
import java.util.regex.Pattern;

/** The short name of a region in addresses, such as {@code naarm}. */
public record RegionSlug(@JsonValue String value) {

	private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	public RegionSlug {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new InvalidInput("A region's slug is 1 to 63 lower-case letters, digits and inner dashes; got '"
					+ value + "'");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
