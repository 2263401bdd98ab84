package coop.commonscloud.governance.internal.domain;

/** The kinds of member; which of them vote on what, and with which weight, is data. */
public enum MemberClass {
	/** A partner organisation; votes through its partner admins and named delegates. */
	PARTNER,
	/** The region's organising body; votes through its stewards and named delegates. */
	STEWARD_ORGANISATION,
	/** A person who is a member in their own right, voting with their own account. */
	PERSON
}
