package coop.commonscloud.identity;

/**
 * Whether an account may sign in. Only active accounts get sessions and tokens; a pending account
 * waits for a steward's approval of its sign-up.
 */
public enum AccountStatus {
	PENDING, ACTIVE, SUSPENDED, DELETED
}
