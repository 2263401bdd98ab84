package coop.commonscloud.governance.internal.domain;

import java.util.List;

/**
 * How a poll is counted. The first three decide a yes/no question about one proposal and have
 * fixed options; the others choose among options the proposer lists.
 */
public enum Method {
	CONSENT(List.of("Agree", "Abstain", "Disagree", "Block")),
	MAJORITY(List.of("For", "Against", "Abstain")),
	SUPERMAJORITY(List.of("For", "Against", "Abstain")),
	SCORE(List.of()),
	INSTANT_RUNOFF(List.of()),
	SCHULZE(List.of()),
	DOT(List.of());

	private final List<String> fixedOptions;

	Method(List<String> fixedOptions) {
		this.fixedOptions = fixedOptions;
	}

	/** Whether the poll answers yes or no to the proposal (and can so pass a parameter change). */
	public boolean decidesYesOrNo() {
		return !fixedOptions.isEmpty();
	}

	public List<String> fixedOptions() {
		return fixedOptions;
	}

	public boolean ranked() {
		return this == INSTANT_RUNOFF || this == SCHULZE;
	}

	public boolean pointed() {
		return this == SCORE || this == DOT;
	}
}
