package coop.commonscloud.identity.internal.web;

import coop.commonscloud.identity.Account;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The security principal: a Spring Security user that also knows its account id and which partner
 * it administers. Only active accounts are enabled. Stored inside OAuth2 authorizations it reads
 * back as a plain {@link User} (Spring Security's Jackson allow-list), which is all the provider needs.
 */
public class SignedInAccount extends User {

	private final UUID accountId;
	private final UUID partnerId;
	private final String displayName;

	SignedInAccount(Account account, String passwordHash) {
		super(account.username(), passwordHash, account.active(), true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
		this.accountId = account.id();
		this.partnerId = account.partnerId() == null ? null : account.partnerId().value();
		this.displayName = account.displayName();
	}

	public UUID accountId() {
		return accountId;
	}

	UUID partnerId() {
		return partnerId;
	}

	String displayName() {
		return displayName;
	}
}
