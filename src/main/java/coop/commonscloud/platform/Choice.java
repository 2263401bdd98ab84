package coop.commonscloud.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads one of a fixed set of choices (an enum constant) from what a person or client sent. */
public final class Choice {

	private Choice() {
	}

	/**
	 * The constant named by {@code value}, ignoring case, spaces and dashes ("partner rack" reads as
	 * PARTNER_RACK); null when nothing was sent. Anything else is refused, naming every choice:
	 * "{what} is A, B or C; got 'x'".
	 */
	public static <E extends Enum<E>> E of(Class<E> choices, String value, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (E choice : choices.getEnumConstants()) {
			if (choice.name().equals(name)) {
				return choice;
			}
		}
		throw new InvalidInput(what + " is " + list(choices) + "; got '" + value + "'");
	}

	private static String list(Class<? extends Enum<?>> choices) {
		String[] names = Arrays.stream(choices.getEnumConstants()).map(Enum::name).toArray(String[]::new);
		if (names.length == 1) {
			return names[0];
		}
		return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or " + names[names.length - 1];
	}
}
