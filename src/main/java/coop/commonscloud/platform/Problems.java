package coop.commonscloud.platform;

import java.util.List;

/** What a form shows a person when their change was refused: every input problem, or the conflict. */
public final class Problems {

	private Problems() {
	}

	public static List<String> of(RuntimeException refusal) {
		if (refusal instanceof InvalidInput invalid) {
			return invalid.problems();
		}
		return List.of(refusal.getMessage());
	}
}
