package coop.commonscloud.platform;

import java.util.List;

/**
 * Input that breaks a rule: the API answers 400 with every problem listed, the UI shows them
 * beside the form. Nothing is stored when this is thrown.
 */
public class InvalidInput extends RuntimeException {

	private final List<String> problems;

	public InvalidInput(String problem) {
		this(List.of(problem));
	}

	public InvalidInput(List<String> problems) {
		super(String.join("; ", problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an InvalidInput needs at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
