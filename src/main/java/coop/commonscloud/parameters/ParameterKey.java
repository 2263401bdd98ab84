package coop.commonscloud.parameters;

import com.fasterxml.jackson.annotation.JsonValue;
import coop.commonscloud.platform.InvalidInput;
import java.util.regex.Pattern;

/** The name of a platform parameter, such as {@code locality.allowance}. */
public record ParameterKey(@JsonValue String name) {

	private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	public static final ParameterKey LOCALITY_ALLOWANCE = new ParameterKey("locality.allowance");
	public static final ParameterKey MINIMUM_RENEWABLE_SHARE = new ParameterKey("renewables.minimum-average-share");
	public static final ParameterKey OUTAGE_ENDURANCE = new ParameterKey("resilience.outage-endurance");
	public static final ParameterKey LAND_BACK_CONTRIBUTION = new ParameterKey("land-back.contribution");
	public static final ParameterKey INVESTOR_RETURNS = new ParameterKey("structure.investor-returns");
	public static final ParameterKey LABOUR_PAY_CAP = new ParameterKey("labour.pay-cap");

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
