package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.Account;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal: a Spring Security user that also knows which partner it administers. */
class SignedInAccount extends User {

	private final UUID partnerId;
	private final String displayName;

	SignedInAccount(Account account, String passwordHash) {
		super(account.username(), passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
		this.partnerId = account.partnerId();
		this.displayName = account.displayName();
	}

	UUID partnerId() {
		return partnerId;
	}

	String displayName() {
		return displayName;
	}
}
