package coop.commonscloud.governance.internal.domain;

/** What a proposal is about; it decides who votes. */
public enum ProposalKind {
	/** Give a platform parameter a new value from a date on. */
	PARAMETER_CHANGE,
	/** Change the qualification criteria (applied by the qualification module once it exists). */
	CRITERIA_CHANGE,
	GENERAL,
	/** An appeal against a qualification sanction, decided without the parties involved. */
	APPEAL
}
