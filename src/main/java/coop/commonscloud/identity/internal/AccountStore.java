package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.Account;
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
		jdbc.sql("insert into account (id, username, display_name, password_hash, role, partner_id) "
				+ "values (:id, :username, :displayName, :hash, :role, :partner)")
				.param("id", account.id())
				.param("username", account.username())
				.param("displayName", account.displayName())
				.param("hash", passwordHash)
				.param("role", account.role().name())
				.param("partner", account.partnerId())
				.update();
	}

	Optional<StoredAccount> findByUsername(String username) {
		return jdbc.sql("select * from account where lower(username) = lower(:username)")
				.param("username", username)
				.query((rs, n) -> new StoredAccount(account(rs), rs.getString("password_hash")))
				.optional();
	}

	boolean exists(String username) {
		return jdbc.sql("select count(*) from account where lower(username) = lower(:username)")
				.param("username", username)
				.query(Long.class)
				.single() > 0;
	}

	List<Account> adminsOf(UUID partnerId) {
		return jdbc.sql("select * from account where partner_id = :partner order by username")
				.param("partner", partnerId)
				.query((rs, n) -> account(rs))
				.list();
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getObject("partner_id", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}
}
