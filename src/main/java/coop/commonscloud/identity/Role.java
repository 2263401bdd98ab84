package coop.commonscloud.identity;

/** What an account may do. The public is anyone not signed in. */
public enum Role {
	/** Works for the region's organising body: reviews, settles, publishes. */
	STEWARD,
	/** Manages one partner's records: its sites, servers and services. */
	PARTNER_ADMIN,
	/** A person with an account, using the region's services. */
	MEMBER
}
