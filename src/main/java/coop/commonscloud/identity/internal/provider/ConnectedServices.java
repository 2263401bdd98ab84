package coop.commonscloud.identity.internal.provider;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The services a person signed in to from this site, and taking their access away again. */
@Component
@RequiredArgsConstructor
public class ConnectedServices {

	record ConnectedService(String clientId, String name, int signIns, Instant lastUsed) {
	}

	private final JdbcClient jdbc;

	public List<ConnectedService> of(String username) {
		return jdbc.sql("select c.client_id, c.client_name, count(*) as sign_ins, "
				+ "max(coalesce(a.access_token_issued_at, a.authorization_code_issued_at)) as last_used "
				+ "from oauth2_authorization a join oauth2_registered_client c on c.id = a.registered_client_id "
				+ "where a.principal_name = :name and a.authorization_grant_type = 'authorization_code' "
				+ "group by c.client_id, c.client_name order by last_used desc nulls last")
				.param("name", username)
				.query((rs, n) -> new ConnectedService(rs.getString(1), rs.getString(2), rs.getInt(3),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
				.list();
	}

	/** Revokes every token the service holds for this person and forgets what they consented to share. */
	@Transactional
	public int revoke(String username, String clientId) {
		String registeredId = jdbc.sql("select id from oauth2_registered_client where client_id = :clientId")
				.param("clientId", clientId).query(String.class).optional().orElse(null);
		if (registeredId == null) {
			return 0;
		}
		jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = :id and principal_name = :name")
				.param("id", registeredId).param("name", username).update();
		return jdbc.sql("delete from oauth2_authorization where registered_client_id = :id and principal_name = :name")
				.param("id", registeredId).param("name", username).update();
	}
}
