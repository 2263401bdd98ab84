package coop.commonscloud.parameters;

import com.fasterxml.jackson.annotation.JsonValue;
import coop.commonscloud.platform.InvalidInput;
import java.util.regex.Pattern;

/** The name of a platform parameter, such as {@code locality.allowance}. */
public record ParameterKey(@JsonValue String name) {

	private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	public ParameterKey {
		if (name == null || name.length() > 100 || !FORM.matcher(name).matches()) {
			throw new InvalidInput("A parameter key is lower-case words joined by dots, such as "
					+ "'locality.allowance'; got '" + name + "'");
		}
	}

	@Override
	public String toString() {
		return name;
	}
}
