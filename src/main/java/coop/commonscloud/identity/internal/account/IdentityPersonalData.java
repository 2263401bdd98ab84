package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.identity.internal.provider.IssuedTokens;
import coop.commonscloud.identity.internal.signin.AccountSessions;
import coop.commonscloud.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's account in their export ({@code account.json}), and closing it when they leave: the
 * name, address and password are overwritten, the second factor and pending codes deleted, every
 * token revoked and every session ended. Runs last on leaving, since others still need the name.
 */
@Component
@RequiredArgsConstructor
class IdentityPersonalData implements PersonalData {

	private final JdbcClient jdbc;
	private final AccountStore accounts;
	private final IssuedTokens tokens;
	private final AccountSessions sessions;
	private final PasswordEncoder passwords;
	private final JsonMapper json;

	@Override
	public List<Holding> holdings() {
		return List.of(
				new Holding("account", "id", true, Fate.ERASED,
						"the row stays so the id other modules keep names no one; username, name, address and password are overwritten"),
				new Holding("account", "username", true, Fate.ERASED, "replaced by the pseudonym, which cannot sign in"),
				new Holding("sign_in_event", "username", true, Fate.KEPT,
						"append-only security log, exported with the account id's rows; kept as it is, see docs/portability.md"),
				new Holding("sign_in_event", "account_id", true, Fate.KEPT,
						"append-only security log (who signed in from where); kept as it is, see docs/portability.md"),
				new Holding("account_session", "account_id", true, Fate.ERASED,
						"browser sessions end; the ended rows keep no browser or address, so an open session is refused"),
				new Holding("second_factor", "account_id", true, Fate.ERASED,
						"the export says whether and since when it is on, never the secret"),
				new Holding("recovery_code", "account_id", false, Fate.ERASED, "hashed secrets; the export counts them only"),
				new Holding("second_factor_use", "account_id", false, Fate.ERASED, "replay protection: time steps already used"),
				new Holding("recovery_code_use", "account_id", false, Fate.ERASED, "replay protection: hashes of used codes"),
				new Holding("email_verification", "account_id", false, Fate.ERASED, "hashed one-time codes sent by mail"),
				new Holding("password_reset", "account_id", false, Fate.ERASED, "hashed one-time codes sent by mail"),
				new Holding("invite_code", "used_by", false, Fate.KEPT_UNDER_PSEUDONYM,
						"a steward's invite code; it records which account used it, nothing about the person"),
				new Holding("oauth2_authorization_consent", "principal_name", true, Fate.ERASED,
						"what the person agreed to share with each service; forgotten on leaving"),
				new Holding("oauth2_authorization", "principal_name", false, Fate.ERASED,
						"codes and tokens (secrets); the export lists the services they were for"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		UUID id = person.account().value();
		Account account = accounts.findById(id).orElseThrow();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("schemaVersion", 1);
		file.put("profile", profile(account));
		file.put("signInHistory", jdbc.sql("""
				select occurred_at, site, kind, client_id, succeeded, reason, source from sign_in_event
				where account_id = :id order by occurred_at, site, id""").param("id", id)
				.query((rs, n) -> row("occurredAt", instant(rs.getTimestamp(1)), "site", rs.getString(2), "kind",
						rs.getString(3), "clientId", rs.getString(4), "succeeded", rs.getBoolean(5), "reason",
						rs.getString(6), "source", rs.getString(7)))
				.list());
		file.put("connectedServices", jdbc.sql("""
				select c.client_id, c.client_name, s.authorities from oauth2_authorization_consent s
				join oauth2_registered_client c on c.id = s.registered_client_id
				where s.principal_name = :name order by c.client_id""").param("name", account.username())
				.query((rs, n) -> row("clientId", rs.getString(1), "name", rs.getString(2), "consentedTo",
						List.of(rs.getString(3).split(","))))
				.list());
		file.put("secondFactor", jdbc.sql("""
				select (select enabled_at from second_factor where account_id = :id),
				       (select count(*) from recovery_code where account_id = :id)""").param("id", id)
				.query((rs, n) -> row("enabled", rs.getTimestamp(1) != null, "enabledAt", instant(rs.getTimestamp(1)),
						"recoveryCodesLeft", rs.getLong(2)))
				.single());
		file.put("sessions", jdbc.sql("""
				select signed_in_at, ended_at, user_agent, source from account_session
				where account_id = :id order by signed_in_at""").param("id", id)
				.query((rs, n) -> row("signedInAt", instant(rs.getTimestamp(1)), "endedAt", instant(rs.getTimestamp(2)),
						"userAgent", rs.getString(3), "source", rs.getString(4)))
				.list());
		return List.of(new ExportFile("account.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(file)));
	}

	@Override
	public boolean closesTheAccount() {
		return true;
	}

	@Override
	public void forget(Person person) {
		UUID id = person.account().value();
		Account account = accounts.findById(id).orElseThrow();
		tokens.revokeAllOf(account);
		sessions.endAllOf(id);
		// the ended rows stay, so a session still open in a browser is recognised as ended and refused
		jdbc.sql("update account_session set user_agent = null, source = null where account_id = :id").param("id", id).update();
		for (String table : List.of("second_factor", "recovery_code", "second_factor_use",
				"recovery_code_use", "email_verification", "password_reset")) {
			jdbc.sql("delete from " + table + " where account_id = :id").param("id", id).update();
		}
		jdbc.sql("delete from oauth2_authorization_consent where principal_name = :name").param("name", account.username())
				.update();
		jdbc.sql("delete from oauth2_authorization where principal_name = :name").param("name", account.username()).update();
		Username pseudonym = Username.of(person.pseudonym());
		jdbc.sql("""
				update account set username = :username, username_canonical = :canonical, username_skeleton = :skeleton,
				  display_name = 'Former member', email = null, email_verified = false, password_hash = :hash,
				  partner_id = null, status = :status where id = :id""")
				.param("username", pseudonym.shown()).param("canonical", pseudonym.canonical())
				.param("skeleton", pseudonym.skeleton())
				.param("hash", passwords.encode(UUID.randomUUID().toString() + UUID.randomUUID()))
				.param("status", AccountStatus.DELETED.name()).param("id", id).update();
	}

	private static Map<String, Object> profile(Account account) {
		return row("id", account.id(), "username", account.username(), "displayName", account.displayName(), "email",
				account.email(), "emailVerified", account.emailVerified(), "role", account.role().name(), "partnerId",
				account.partnerId() == null ? null : account.partnerId().value(), "createdAt", account.createdAt().toString(),
				"status", account.status().name());
	}

	private static String instant(Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}

	/** A JSON object with its keys in the order given. */
	static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}
}
