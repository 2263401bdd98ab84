package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import java.util.UUID;

/** A partner admin's account as a steward types it. */
record AdminForm(String username, String displayName, String password) {

	NewAccount account(UUID partnerId) {
		return new NewAccount(username == null ? null : username.strip(), displayName, password, Role.PARTNER_ADMIN,
				partnerId);
	}

	/** The form to show again: never with the password in it. */
	AdminForm withoutPassword() {
		return new AdminForm(username, displayName, null);
	}
}
