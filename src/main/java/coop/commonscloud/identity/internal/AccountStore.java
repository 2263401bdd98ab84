package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountStore {

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredAccount(Account account, String passwordHash) {
	}

	void insert(Account account, String passwordHash) {
		jdbc.sql("insert into account (id, username, display_name, password_hash, role, partner_id, email, email_verified, status) "
				+ "values (:id, :username, :displayName, :hash, :role, :partner, :email, :emailVerified, :status)")
				.param("id", account.id())
				.param("username", account.username())
				.param("displayName", account.displayName())
				.param("hash", passwordHash)
				.param("role", account.role().name())
				.param("partner", account.partnerId())
				.param("email", account.email())
				.param("emailVerified", account.emailVerified())
				.param("status", account.status().name())
				.update();
	}

	Optional<StoredAccount> findByUsername(String username) {
		return jdbc.sql("select * from account where lower(username) = lower(:username)")
				.param("username", username)
				.query((rs, n) -> new StoredAccount(account(rs), rs.getString("password_hash")))
				.optional();
	}

	Optional<Account> findById(UUID id) {
		return jdbc.sql("select * from account where id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
	}

	boolean exists(String username) {
		return jdbc.sql("select count(*) from account where lower(username) = lower(:username)")
				.param("username", username)
				.query(Long.class)
				.single() > 0;
	}

	boolean emailTaken(String email) {
		return jdbc.sql("select count(*) from account where lower(email) = lower(:email)")
				.param("email", email)
				.query(Long.class)
				.single() > 0;
	}

	List<Account> adminsOf(UUID partnerId) {
		return jdbc.sql("select * from account where partner_id = :partner order by username")
				.param("partner", partnerId)
				.query((rs, n) -> account(rs))
				.list();
	}

	void setStatus(UUID id, AccountStatus status) {
		jdbc.sql("update account set status = :status where id = :id").param("status", status.name()).param("id", id)
				.update();
	}

	void setPasswordHash(UUID id, String passwordHash) {
		jdbc.sql("update account set password_hash = :hash where id = :id").param("hash", passwordHash).param("id", id)
				.update();
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getObject("partner_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getString("email"), rs.getBoolean("email_verified"),
				AccountStatus.valueOf(rs.getString("status")));
	}
}
