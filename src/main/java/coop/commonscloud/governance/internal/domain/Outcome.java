package coop.commonscloud.governance.internal.domain;

/** How a poll ended. */
public enum Outcome {
	/** A yes/no poll met its quorum and its rule. */
	PASSED,
	/** A yes/no poll met its quorum but not its rule. */
	REJECTED,
	/** A consent poll in which at least one member blocked. */
	BLOCKED,
	/** Fewer ballots (by weight) were cast than the quorum. */
	NO_QUORUM,
	/** A poll among options chose one. */
	CHOSEN,
	/** A poll among options met its quorum but no option received any support. */
	NO_CHOICE;

	public boolean carries() {
		return this == PASSED || this == CHOSEN;
	}
}
