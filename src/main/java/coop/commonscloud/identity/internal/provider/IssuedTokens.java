package coop.commonscloud.identity.internal.provider;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Revokes what the provider issued to a person, at this site: codes, access and refresh tokens. */
@Component
@RequiredArgsConstructor
public class IssuedTokens {

	private final JdbcClient jdbc;

	public int revokeAllOf(String username) {
		return jdbc.sql("delete from oauth2_authorization where principal_name = :name").param("name", username).update();
	}
}
