package coop.commonscloud.identity.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's JDBC authorization service, saving without reading first: its own
 * {@code save} loads and deserializes the whole authorization again only to choose between UPDATE and
 * INSERT, which on a refresh grant doubled the JSON work. Here an UPDATE by id runs first and an INSERT
 * only when it touched no row. Rows are read by {@link ParsedAttributes}; when the attributes are the
 * very ones it read for that id (a refresh grant), the UPDATE leaves that column alone instead of
 * serializing the principal and authorization request again. Same table, same columns, same JSON.
 */
class JdbcAuthorizations extends JdbcOAuth2AuthorizationService {

	private static final String COLUMNS = "registered_client_id, principal_name, authorization_grant_type, "
			+ "authorized_scopes, attributes, state, "
			+ "authorization_code_value, authorization_code_issued_at, authorization_code_expires_at, authorization_code_metadata, "
			+ "access_token_value, access_token_issued_at, access_token_expires_at, access_token_metadata, "
			+ "access_token_type, access_token_scopes, "
			+ "oidc_id_token_value, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, "
			+ "refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, "
			+ "user_code_value, user_code_issued_at, user_code_expires_at, user_code_metadata, "
			+ "device_code_value, device_code_issued_at, device_code_expires_at, device_code_metadata";

	private static final String UPDATE = "update oauth2_authorization set "
			+ String.join(" = ?, ", COLUMNS.split(", ")) + " = ? where id = ?";

	/** The same, leaving the attributes column as it is (unchanged since read: no JSON written, no TOAST rewritten). */
	private static final String UPDATE_KEEPING_ATTRIBUTES = "update oauth2_authorization set "
			+ String.join(" = ?, ", Arrays.stream(COLUMNS.split(", ")).filter(column -> !column.equals("attributes")).toList())
			+ " = ? where id = ?";

	private static final int ATTRIBUTES = Arrays.asList(COLUMNS.split(", ")).indexOf("attributes");

	private static final String INSERT = "insert into oauth2_authorization (" + COLUMNS + ", id) values ("
			+ "?, ".repeat(COLUMNS.split(", ").length) + "?)";

	private final ParsedAttributes rows;

	JdbcAuthorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		super(jdbc, clients);
		this.rows = new ParsedAttributes(clients);
		setAuthorizationRowMapper(rows);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (rows.unchangedSinceRead(authorization)) {
			// a refresh grant: the attributes are the ones just read, so neither serialize nor rewrite them
			List<SqlParameterValue> parameters = parameters(OAuth2Authorization.from(authorization)
					.attributes(Map::clear).build());
			parameters.remove(ATTRIBUTES);
			if (getJdbcOperations().update(UPDATE_KEEPING_ATTRIBUTES, new Setter(parameters.toArray())) > 0) {
				return;
			}
		}
		Setter values = new Setter(parameters(authorization).toArray());
		if (getJdbcOperations().update(UPDATE, values) == 0) {
			getJdbcOperations().update(INSERT, values);
		}
	}

	/** The mapper answers the id first, then the other columns in the order of COLUMNS: id moved last. */
	private List<SqlParameterValue> parameters(OAuth2Authorization authorization) {
		List<SqlParameterValue> parameters = getAuthorizationParametersMapper().apply(authorization);
		parameters.add(parameters.remove(0));
		return parameters;
	}

	/** Binds the mapper's values; on PostgreSQL large text and bytes need no LOB handling. */
	private static final class Setter extends ArgumentPreparedStatementSetter {

		Setter(Object[] values) {
			super(values);
		}

		@Override
		protected void doSetValue(PreparedStatement statement, int position, Object value) throws SQLException {
			if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.BLOB) {
				statement.setBytes(position, (byte[]) parameter.getValue());
			} else if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.CLOB) {
				statement.setString(position, (String) parameter.getValue());
			} else {
				super.doSetValue(statement, position, value);
			}
		}
	}
}
