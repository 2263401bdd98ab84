package coop.commonscloud.identity;

/** Whether an account may sign in. Suspended and deleted accounts get no sessions and no tokens. */
public enum AccountStatus {
	ACTIVE, SUSPENDED, DELETED
}
