package coop.commonscloud.identity.internal.provider;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Revokes what the provider issued to a person, at this site: codes, access and refresh tokens. */
@Component
@RequiredArgsConstructor
public class IssuedTokens {

	private final AuthorizationStore store;

	public int revokeAllOf(String username) {
		return store.revokeAllOf(username);
	}
}
