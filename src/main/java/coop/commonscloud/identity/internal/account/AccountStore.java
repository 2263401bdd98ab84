package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.Role;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.platform.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
public class AccountStore {

	private final JdbcClient jdbc;

	public record StoredAccount(Account account, String passwordHash) {
	}

	void insert(Account account, Username username, String passwordHash) {
		jdbc.sql("insert into account (id, username, username_canonical, username_skeleton, display_name, password_hash, "
				+ "role, partner_id, email, email_verified, status) values (:id, :username, :canonical, :skeleton, "
				+ ":displayName, :hash, :role, :partner, :email, :emailVerified, :status)")
				.param("canonical", username.canonical())
				.param("skeleton", username.skeleton())
				.param("id", account.id())
				.param("username", account.username())
				.param("displayName", account.displayName())
				.param("hash", passwordHash)
				.param("role", account.role().name())
				.param("partner", account.partnerId() == null ? null : account.partnerId().value())
				.param("email", account.email())
				.param("emailVerified", account.emailVerified())
				.param("status", account.status().name())
				.update();
	}

	public Optional<StoredAccount> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + ", a.password_hash from account a where username_canonical = :canonical "
				+ "or (username_canonical is null and lower(username) = lower(:username))")
				.param("canonical", Username.canonical(username))
				.param("username", username)
				.query((rs, n) -> new StoredAccount(account(rs), rs.getString(JOINED_COLUMNS.length + 1)))
				.optional();
	}

	public Optional<Account> findById(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from account a where id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
	}

	public Optional<Account> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from account a where lower(email) = lower(:email)").param("email", email)
				.query((rs, n) -> account(rs)).optional();
	}

	boolean exists(String username) {
		return findByUsername(username).isPresent();
	}

	/** The existing username whose canonical form or confusable skeleton equals this one's, if any. */
	Optional<String> lookAlike(Username username) {
		return jdbc.sql("select username from account where username_canonical = :canonical "
				+ "or username_skeleton = :skeleton or lower(username) = lower(:shown) limit 1")
				.param("canonical", username.canonical())
				.param("skeleton", username.skeleton())
				.param("shown", username.shown())
				.query(String.class)
				.optional();
	}

	/** Accounts opened before usernames had canonical forms get them now. */
	int fillUsernameForms() {
		List<UUID> missing = jdbc.sql("select id from account where username_canonical is null").query(UUID.class).list();
		for (UUID id : missing) {
			String name = jdbc.sql("select username from account where id = :id").param("id", id).query(String.class).single();
			Username username = Username.of(name);
			jdbc.sql("update account set username_canonical = :canonical, username_skeleton = :skeleton where id = :id")
					.param("canonical", username.canonical()).param("skeleton", username.skeleton()).param("id", id)
					.update();
		}
		return missing.size();
	}

	boolean emailTaken(String email) {
		return jdbc.sql("select count(*) from account where lower(email) = lower(:email)")
				.param("email", email)
				.query(Long.class)
				.single() > 0;
	}

	List<Account> adminsOf(UUID partnerId) {
		return jdbc.sql("select " + COLUMNS + " from account a where partner_id = :partner order by username")
				.param("partner", partnerId)
				.query((rs, n) -> account(rs))
				.list();
	}

	void setStatus(UUID id, AccountStatus status) {
		jdbc.sql("update account set status = :status where id = :id").param("status", status.name()).param("id", id)
				.update();
	}

	public void setPasswordHash(UUID id, String passwordHash) {
		jdbc.sql("update account set password_hash = :hash where id = :id").param("hash", passwordHash).param("id", id)
				.update();
	}

	/** Marks the account's address verified if it is still {@code email}; whether it was. */
	public boolean markEmailVerified(UUID id, String email) {
		return jdbc.sql("update account set email_verified = true where id = :id and lower(email) = lower(:email)")
				.param("id", id).param("email", email).update() == 1;
	}

	/** An account's columns in a join, under {@code alias}, in the order {@link #account(ResultSet, int)} reads them. */
	public static String columns(String alias) {
		return String.join(", ", Arrays.stream(JOINED_COLUMNS).map(column -> alias + "." + column).toList());
	}

	private static final String[] JOINED_COLUMNS = {"id", "username", "display_name", "role", "partner_id", "created_at",
			"email", "email_verified", "status"};

	/** The account's columns, as this store's own queries select them (table alias {@code a}). */
	private static final String COLUMNS = columns("a");

	/** The account in the columns from {@code first} on, selected as {@link #columns} names them; null when absent (outer join). */
	public static Account account(ResultSet rs, int first) throws SQLException {
		UUID id = rs.getObject(first, UUID.class);
		if (id == null) {
			return null;
		}
		return new Account(id, rs.getString(first + 1), rs.getString(first + 2), Role.valueOf(rs.getString(first + 3)),
				partner(rs.getObject(first + 4, UUID.class)), rs.getTimestamp(first + 5).toInstant(), rs.getString(first + 6),
				rs.getBoolean(first + 7), AccountStatus.valueOf(rs.getString(first + 8)));
	}

	private static PartnerId partner(UUID id) {
		return id == null ? null : new PartnerId(id);
	}

	private static Account account(ResultSet rs) throws SQLException {
		return account(rs, 1);
	}
}
