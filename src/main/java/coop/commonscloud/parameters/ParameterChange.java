package coop.commonscloud.parameters;

import coop.commonscloud.platform.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to give a parameter a new value from a date on. {@code decision} names the governance
 * outcome that set it; it is empty when a steward sets it directly.
 */
public record ParameterChange(ParameterKey key, BigDecimal value, Instant effectiveFrom, String recordedBy,
		String reason, String decision) {

	public ParameterChange {
		List<String> problems = new ArrayList<>();
		if (key == null) {
			problems.add("the parameter key is missing");
		}
		if (value == null) {
			problems.add("the new value is missing");
		}
		if (effectiveFrom == null) {
			problems.add("the date the value takes effect is missing");
		}
		if (recordedBy == null || recordedBy.isBlank()) {
			problems.add("who makes the change is missing");
		}
		if (reason == null || reason.isBlank()) {
			problems.add("say why the value changes: the reason is kept in the parameter's history");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
