package coop.commonscloud.parameters;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A parameter that picks one of a fixed list of options, such as how usage is weighted. Like every
 * parameter it is stored as a number: the option's place in {@code options} (0, 1, ...), which is
 * what its definition's description names ("0 = active days, 1 = units the provider reported").
 * Read it with {@link PlatformParameters#choiceAt}.
 */
public record ChoiceParameter<E extends Enum<E>>(ParameterKey key, List<E> options) {

	public ChoiceParameter {
		Objects.requireNonNull(key, "key");
		options = List.copyOf(options);
		if (options.size() < 2 || new HashSet<>(options).size() != options.size()) {
			throw new IllegalArgumentException(key + " needs two or more different options; got " + options);
		}
	}

	/** The options in the order of the numbers that store them: the first is 0. */
	@SafeVarargs
	public static <E extends Enum<E>> ChoiceParameter<E> of(ParameterKey key, E... options) {
		return new ChoiceParameter<>(key, List.of(options));
	}

	/** The option a stored value names; a value that names none (a fraction, or out of range) is refused. */
	public E option(BigDecimal stored) {
		if (stored != null && stored.signum() >= 0 && stored.compareTo(BigDecimal.valueOf(options.size())) < 0
				&& stored.stripTrailingZeros().scale() <= 0) {
			return options.get(stored.intValueExact());
		}
		throw new IllegalStateException("Platform parameter '" + key + "' is " + (stored == null ? "empty" : stored.toPlainString())
				+ ", which names none of its options (" + legend() + "): set it to one of those numbers");
	}

	/** The number that stores {@code option}. */
	public BigDecimal stored(E option) {
		int place = options.indexOf(option);
		if (place < 0) {
			throw new IllegalArgumentException(option + " is not an option of " + key);
		}
		return BigDecimal.valueOf(place);
	}

	/** The options with their numbers, such as "0 = ACTIVE_DAYS, 1 = REPORTED_UNITS". */
	public String legend() {
		return IntStream.range(0, options.size()).mapToObj(i -> i + " = " + options.get(i).name())
				.collect(Collectors.joining(", "));
	}
}
