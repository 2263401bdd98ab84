package coop.commonscloud.parameters;

import java.time.Instant;
import java.util.List;

/** The one way to read and set platform parameters. */
public interface PlatformParameters {

	/** The value in force at {@code at}: the latest entry effective at or before it. */
	ParameterValue valueAt(ParameterKey key, Instant at);

	/** The value in force now, by the platform's clock. */
	ParameterValue current(ParameterKey key);

	/** The option of a choice parameter in force at {@code at}. */
	default <E extends Enum<E>> E choiceAt(ChoiceParameter<E> parameter, Instant at) {
		return parameter.option(valueAt(parameter.key(), at).amount());
	}

	/** Every value in force at {@code at}, keyed by name, for recording alongside a check. */
	List<ParameterEntry> allAt(Instant at);

	/** The whole history of one parameter, newest first. */
	List<ParameterEntry> history(ParameterKey key);

	List<ParameterDefinition> definitions();

	/** Appends a new value; validates the key, unit range and reason. Publishes {@link ParameterChanged}. */
	ParameterEntry set(ParameterChange change);

	/**
	 * Defines the parameters the database lacks, each with its seed value, in one transaction, and
	 * answers their keys. A parameter already defined keeps its definition and history (both are
	 * append-only), so defining the same seeds again changes nothing; where nothing is missing,
	 * nothing is written. Publishes no {@link ParameterChanged}: a seed is where a parameter starts.
	 */
	List<ParameterKey> define(List<ParameterSeed> seeds);
}
