package coop.commonscloud.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.postgresql.PGConnection;

/**
 * Who may use the embedded PostgreSQL. The platform connects as {@value #APPLICATION}, which owns the database, its
 * schema and every object in it but is no superuser; the library's superuser {@code postgres} is reached only through
 * the Unix-domain socket in a directory that only this OS user can enter, and over TCP only the application role is
 * accepted, with its SCRAM password. That password is generated once and kept in the data directory (mode 0600).
 *
 * <p>Done on every start, so a data directory made by an earlier version (everything owned by {@code postgres},
 * {@code trust} for everyone on loopback) is brought to this state.
 */
final class EmbeddedDatabaseRoles {

	static final String APPLICATION = "commonscloud";
	static final String SUPERUSER = "postgres";
	static final String PASSWORD_FILE = "commonscloud.password";

	/** Only the superuser through the private socket; the application role with its password, on the socket or loopback. */
	private static final String HOST_BASED_AUTHENTICATION = """
			# Written by Commons Cloud on every start (platform/internal/EmbeddedDatabaseRoles); edits are lost.
			# TYPE  DATABASE  USER          ADDRESS       METHOD
			local   all       postgres                    trust
			local   all       commonscloud                scram-sha-256
			host    all       commonscloud  127.0.0.1/32  scram-sha-256
			host    all       commonscloud  ::1/128       scram-sha-256
			""";

	/**
	 * The role, what the mesh's logical replication needs of it (see docs/architecture.md), and ownership of what the
	 * superuser created: {@code REASSIGN OWNED BY postgres} is refused for the bootstrap superuser, so object by object.
	 * Tables first: their owned sequences follow them.
	 */
	private static final String GRANTS = """
			do $$
			declare
			  r record;
			begin
			  if not exists (select from pg_roles where rolname = 'commonscloud') then
			    create role commonscloud;
			  end if;
			  alter role commonscloud with login nosuperuser nocreatedb nocreaterole replication nobypassrls;
			  grant pg_create_subscription to commonscloud;
			  grant set on parameter session_replication_role to commonscloud;
			  execute format('alter database %I owner to commonscloud', current_database());
			  alter schema public owner to commonscloud;
			  for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			           where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
			             and c.relowner <> 'commonscloud'::regrole loop
			    execute format('alter table %s owner to commonscloud', r.name);
			  end loop;
			  for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			           where n.nspname = 'public' and c.relkind = 'S' and c.relowner <> 'commonscloud'::regrole loop
			    execute format('alter sequence %s owner to commonscloud', r.name);
			  end loop;
			  for r in select p.oid::regprocedure as name, p.prokind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			           where n.nspname = 'public' and p.proowner <> 'commonscloud'::regrole loop
			    execute format('alter %s %s owner to commonscloud',
			        case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.name);
			  end loop;
			  -- a table's row type, an array type and a multirange follow their table, element or range
			  for r in select t.oid::regtype as name, t.typtype from pg_type t join pg_namespace n on n.oid = t.typnamespace
			           where n.nspname = 'public' and t.typowner <> 'commonscloud'::regrole
			             and (t.typtype in ('e', 'd', 'r')
			                  or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')) loop
			    execute format('alter %s %s owner to commonscloud', case r.typtype when 'd' then 'domain' else 'type' end, r.name);
			  end loop;
			  for r in select pubname from pg_publication where pubowner <> 'commonscloud'::regrole loop
			    execute format('alter publication %I owner to commonscloud', r.pubname);
			  end loop;
			  for r in select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())
			             and subowner <> 'commonscloud'::regrole loop
			    execute format('alter subscription %I owner to commonscloud', r.subname);
			  end loop;
			end
			$$""";

	private EmbeddedDatabaseRoles() {
	}

	/** Replaces {@code pg_hba.conf} before the server starts (it is read at start). */
	static void restrictAccess(Path dataDir) {
		try {
			Files.writeString(dataDir.resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDir, e);
		}
	}

	/** The application role's password: the one kept in the data directory, or a new one kept there from now on. */
	static String password(Path dataDir) {
		Path file = dataDir.resolve(PASSWORD_FILE);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
			return password;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not keep the database password in " + file, e);
		}
	}

	/** As the superuser: the application role with this password, its grants, and ownership of everything in the schema. */
	static void grant(Connection superuser, String password) throws SQLException {
		try (Statement statement = superuser.createStatement()) {
			statement.execute(GRANTS);
		}
		// sends the SCRAM verifier, never the password itself, so no server log can show it
		superuser.unwrap(PGConnection.class).alterUserPassword(APPLICATION, password.toCharArray(), "scram-sha-256");
	}
}
