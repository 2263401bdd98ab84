package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.signin.SignInEvents;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEventRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Spring Authorization Server's JDBC authorization service, saving without reading first: its own
 * {@code save} loads and deserializes the whole authorization again only to choose between UPDATE and
 * INSERT, which on a refresh grant doubled the JSON work. Here one statement inserts the row or updates it
 * ({@code on conflict}), and remembers the hashes of the tokens it holds in {@code issued_token}. Rows are read by
 * {@link ParsedAttributes}; when the attributes are the very ones it read for that id (a refresh grant Spring
 * Authorization Server's own provider makes), an UPDATE leaves that column alone instead of serializing the
 * principal and authorization request again. Same table, same columns, same JSON.
 *
 * <p>Access and refresh tokens are found through their hashes in {@code issued_token}, not by their values: see
 * {@link #findByToken}.
 *
 * <p>For {@link RefreshGrants}, two narrower statements: the family a refresh token is current in, read
 * without parsing any JSON, and the rotation, which rewrites only the access and refresh token columns.
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

	/** The same, leaving the attributes column as it is (unchanged since read: no JSON written, no TOAST rewritten). */
	private static final String UPDATE_KEEPING_ATTRIBUTES = "update oauth2_authorization set "
			+ String.join(" = ?, ", Arrays.stream(COLUMNS.split(", ")).filter(column -> !column.equals("attributes")).toList())
			+ " = ? where id = ? returning id";

	/** A new row, or every column of an existing one. */
	private static final String UPSERT = "insert into oauth2_authorization (" + COLUMNS + ", id) values ("
			+ "?, ".repeat(COLUMNS.split(", ").length) + "?) on conflict (id) do update set "
			+ String.join(", ", Arrays.stream(COLUMNS.split(", ")).map(column -> column + " = excluded." + column).toList())
			+ " returning id";

	private static final List<String> COLUMN_NAMES = Arrays.asList(COLUMNS.split(", "));

	private static final int ATTRIBUTES = COLUMN_NAMES.indexOf("attributes");

	/** The columns a refresh grant replaces: the access token's and the refresh token's. */
	private static final List<String> ROTATED_COLUMNS = List.of("access_token_value", "access_token_issued_at",
			"access_token_expires_at", "access_token_metadata", "access_token_type", "access_token_scopes",
			"refresh_token_value", "refresh_token_issued_at", "refresh_token_expires_at", "refresh_token_metadata");

	/**
	 * What a refresh grant needs to know of the family a refresh token is current in, read without JSON in Java, and
	 * the account it was issued to (the one whose username is the family's principal name, as at sign-in), which the
	 * new tokens' claims need: one round trip.
	 */
	private static final String CURRENT_FAMILY = "select a.id, a.registered_client_id, a.principal_name, "
			+ "a.authorization_grant_type, a.authorized_scopes, a.refresh_token_expires_at, "
			+ "coalesce((a.refresh_token_metadata::jsonb ->> 'metadata.token.invalidated')::boolean, false), "
			+ AccountStore.columns("p") + " from oauth2_authorization a left join account p "
			+ "on lower(p.username) = lower(a.principal_name) and p.username = a.principal_name "
			+ "where a.id = (select authorization_id from issued_token where token_hash = ? and kind = 'REFRESH') "
			+ "and a.refresh_token_value = ?";

	/** Replaces the access and refresh tokens of a family, only if the refresh token presented is still its current one. */
	private static final String ROTATE = "update oauth2_authorization set " + String.join(" = ?, ", ROTATED_COLUMNS)
			+ " = ? where id = ? and refresh_token_value = ? returning id";

	/**
	 * The rotation with, in the same statement (one round trip), the hashes of the new tokens that are found by hash
	 * remembered (the refresh token; the access token too unless its {@code jti} names the family, see
	 * {@link #issued}) and, when given, the grant's sign-in event recorded. Both tokens were made for this grant (256
	 * random bits in the refresh token, fresh random bits in the access token's {@code jti}), so their hashes are
	 * inserted plainly: no {@code on conflict} arbiter, whose speculative insertion costs a second search of the index.
	 *
	 * <p>For a family remembered from this provider's own last rotation of it instead of read ({@link RefreshGrants}),
	 * the rotation also requires, in the same statement, what the read would have shown: that the refresh token is
	 * neither revoked nor expired and that the account it was issued to is still active.
	 */
	private static final String ROTATE_RECHECKED = ROTATE.replace(" returning id",
			" and (refresh_token_expires_at is null or refresh_token_expires_at > now())"
					+ " and not coalesce((refresh_token_metadata::jsonb ->> 'metadata.token.invalidated')::boolean, false)"
					+ " and exists (select 1 from account p where lower(p.username) = lower(oauth2_authorization.principal_name)"
					+ " and p.username = oauth2_authorization.principal_name and p.status = 'ACTIVE') returning id");

	/** Every rotation statement, by {@link #rotation}'s index. */
	private static final String[] ROTATIONS = new String[8];

	static {
		for (int tokens = 1; tokens <= 2; tokens++) {
			for (boolean recheck : new boolean[] {false, true}) {
				for (boolean event : new boolean[] {false, true}) {
					ROTATIONS[rotation(tokens, recheck, event)] = statement(recheck ? ROTATE_RECHECKED : ROTATE, tokens,
							false, event ? SignInEvents.insertFrom("saved") : null);
				}
			}
		}
	}

	private static int rotation(int tokens, boolean recheck, boolean event) {
		return (tokens - 1) * 4 + (recheck ? 2 : 0) + (event ? 1 : 0);
	}

	private final ParsedAttributes rows;
	private final Clock clock;

	JdbcAuthorizations(JdbcTemplate jdbc, RegisteredClientRepository clients, Clock clock) {
		super(jdbc, clients);
		this.clock = clock;
		this.rows = new ParsedAttributes(clients);
		setAuthorizationRowMapper(rows);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		List<Object> issued = issued(authorization);
		if (rows.unchangedSinceRead(authorization)) {
			// a refresh grant: the attributes are the ones just read, so neither serialize nor rewrite them
			List<Object> parameters = new ArrayList<>(parameters(OAuth2Authorization.from(authorization)
					.attributes(Map::clear).build()));
			parameters.remove(ATTRIBUTES);
			parameters.addAll(issued);
			if (saved(UPDATE_KEEPING_ATTRIBUTES, issued, parameters) > 0) {
				return;
			}
		}
		List<Object> parameters = new ArrayList<>(parameters(authorization));
		parameters.addAll(issued);
		saved(UPSERT, issued, parameters);
	}

	/**
	 * Runs {@code save} (a statement returning the row's id) and, in the same statement, remembers the hashes of the
	 * tokens issued with it ({@link #issued}, bound after the row's values): one round trip. Answers the rows saved.
	 */
	private int saved(String save, List<Object> issued, List<Object> parameters) {
		return run(statement(save, issued.size() / 3, true, null), parameters);
	}

	/**
	 * {@code save} (a statement returning the row's id) with, in the same statement, the insert of {@code tokens}
	 * issued tokens' hashes (three values a token, {@link #issued}, bound after those of {@code save}; skipping hashes
	 * remembered before when {@code seenBefore}, as a saved row may hold tokens saved with it earlier) and, when given,
	 * {@code also} (a further insert, from the rows saved, bound last).
	 */
	private static String statement(String save, int tokens, boolean seenBefore, String also) {
		StringBuilder sql = new StringBuilder("with saved as (").append(save).append(")");
		if (tokens > 0) {
			sql.append(", remembered as (insert into issued_token (token_hash, kind, authorization_id, issued_at) ")
					.append("select v.hash, v.kind, saved.id, v.issued_at from saved, (values ");
			for (int i = 0; i < tokens; i++) {
				sql.append(i == 0 ? "" : ", ").append("(?::bytea, ?::text, ?::timestamptz)");
			}
			sql.append(") v (hash, kind, issued_at)").append(seenBefore ? " on conflict do nothing)" : ")");
		}
		if (also != null) {
			sql.append(", also as (").append(also).append(")");
		}
		return sql.append(" select count(*) from saved").toString();
	}

	/** Runs a {@link #statement}; answers the rows saved. */
	private int run(String statement, List<Object> parameters) {
		Integer saved = getJdbcOperations().query(statement, new Setter(parameters.toArray()),
				result -> result.next() ? result.getInt(1) : 0);
		return saved == null ? 0 : saved;
	}

	/**
	 * The hash, kind and issue time of each token an authorization holds that is looked up by hash (its access and
	 * refresh tokens, see {@link #findByToken}; its ID token, for logout hints after a refresh replaced it), three
	 * values a token. Tokens remembered before are skipped by the insert.
	 */
	private List<Object> issued(OAuth2Authorization authorization) {
		List<Object> issued = new ArrayList<>(9);
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		if (access != null && !authorization.getId().equals(TokenClaims.familyNamedBy(access.getClaims()))) {
			// a machine's token (or another format): found by its hash. A person's names its family in its jti.
			remember(access, "ACCESS", issued);
		}
		remember(authorization.getRefreshToken(), "REFRESH", issued);
		remember(authorization.getToken(OidcIdToken.class), "ID", issued);
		return issued;
	}

	private void remember(OAuth2Authorization.Token<? extends OAuth2Token> issued, String kind, List<Object> into) {
		if (issued != null) {
			OAuth2Token token = issued.getToken();
			into.add(RefreshTokenFamilies.hash(token.getTokenValue()));
			into.add(kind);
			into.add(Timestamp.from(token.getIssuedAt() == null ? clock.instant() : token.getIssuedAt()));
		}
	}

	private static final String LOAD = "select id, " + COLUMNS + " from oauth2_authorization where ";

	/** A row by a token found through its hash in issued_token: access and refresh token values are not indexed. */
	private static final String BY_ISSUED = LOAD
			+ "id = (select authorization_id from issued_token where token_hash = ? and kind = ?) and ";

	/** The values indexed in the table itself (those a refresh grant does not replace). */
	private static final String BY_INDEXED_VALUE = LOAD + "state = ? or authorization_code_value = ? "
			+ "or oidc_id_token_value = ? or user_code_value = ? or device_code_value = ?";

	/**
	 * As Spring Authorization Server finds a row by a token, except that access and refresh tokens are found by their
	 * SHA-256 in {@code issued_token} (then compared in full): the table does not index their values, so that a
	 * refresh grant can update its row in place. A token of unknown type is looked for among the indexed values
	 * first, then as an access token, then as a refresh token.
	 */
	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		Assert.hasText(token, "token cannot be empty");
		if (tokenType == null) {
			OAuth2Authorization found = load(BY_INDEXED_VALUE, token, token, token, token, token);
			if (found == null) {
				found = findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
			}
			return found != null ? found : findByToken(token, OAuth2TokenType.REFRESH_TOKEN);
		}
		if (OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
			String family = TokenClaims.familyNamedBy(token);
			return family != null ? load(LOAD + "id = ? and access_token_value = ?", family, token)
					: load(BY_ISSUED + "access_token_value = ?", RefreshTokenFamilies.hash(token), "ACCESS", token);
		}
		if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
			return load(BY_ISSUED + "refresh_token_value = ?", RefreshTokenFamilies.hash(token), "REFRESH", token);
		}
		return super.findByToken(token, tokenType);
	}

	private OAuth2Authorization load(String sql, Object... values) {
		List<OAuth2Authorization> found = getJdbcOperations().query(sql, new Setter(values), getAuthorizationRowMapper());
		return found.isEmpty() ? null : found.get(0);
	}

	/** The family in which a refresh token is the current one, or null when it is not current anywhere. */
	CurrentFamily currentFamily(String refreshToken) {
		List<CurrentFamily> found = getJdbcOperations().query(CURRENT_FAMILY, (row, number) -> new CurrentFamily(
				row.getString(1), row.getString(2), row.getString(3), row.getString(4),
				Collections.unmodifiableSet(StringUtils.commaDelimitedListToSet(row.getString(5))),
				row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant(), row.getBoolean(7),
				AccountStore.account(row, 8)), RefreshTokenFamilies.hash(refreshToken), refreshToken);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * A family as a refresh grant sees it: no principal, request or token metadata parsed. The account is null when
	 * no account has the principal's username as it is (renamed, or gone).
	 */
	record CurrentFamily(String id, String registeredClientId, String principalName, String grantType,
			Set<String> authorizedScopes, Instant refreshTokenExpiresAt, boolean refreshTokenInvalidated, Account account) {
	}

	/**
	 * Stores a refresh grant's new access and refresh tokens (held by {@code rotated}, which carries nothing else)
	 * over the family's current ones, written as Spring Authorization Server writes them, if {@code presented} is
	 * still the family's refresh token, and with them the grant's sign-in event (its values as
	 * {@link SignInEvents#values} gives them; none when null). Answers false when it is not: another grant rotated it
	 * meanwhile, and nothing was written. With {@code recheck} (a family remembered, not read), also only if the
	 * refresh token is not revoked or expired and the account is active ({@link #ROTATE_RECHECKED}).
	 */
	boolean rotate(OAuth2Authorization rotated, String presented, SignInEventRow event, boolean recheck) {
		List<SqlParameterValue> all = parameters(rotated);
		List<Object> values = new ArrayList<>();
		for (String column : ROTATED_COLUMNS) {
			values.add(all.get(COLUMN_NAMES.indexOf(column)));
		}
		values.add(rotated.getId());
		values.add(presented);
		List<Object> issued = issued(rotated);
		int tokens = issued.size() / 3;
		Assert.state(tokens == 1 || tokens == 2, "a rotation holds a new refresh token and a new access token");
		values.addAll(issued);
		if (event != null) {
			values.addAll(event.parameters());
		}
		return run(ROTATIONS[rotation(tokens, recheck, event != null)], values) > 0;
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
			if (value == null) {
				// typed by the statement (a cast, or the column), not looked up from the driver's parameter metadata
				statement.setNull(position, Types.NULL);
			} else if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.BLOB) {
				statement.setBytes(position, (byte[]) parameter.getValue());
			} else if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.CLOB) {
				statement.setString(position, (String) parameter.getValue());
			} else {
				super.doSetValue(statement, position, value);
			}
		}
	}
}
