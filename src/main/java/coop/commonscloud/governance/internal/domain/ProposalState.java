package coop.commonscloud.governance.internal.domain;

/** A proposal's lifecycle: draft, discussion, poll, outcome, and implemented once its change is in force. */
public enum ProposalState {
	DRAFT, DISCUSSION, POLL, OUTCOME, IMPLEMENTED
}
