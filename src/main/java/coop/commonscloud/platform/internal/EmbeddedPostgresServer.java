package coop.commonscloud.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded PostgreSQL server and the application contexts that use it. Each context holds a
 * lease; the server stops when the last lease is released, which happens after that context has
 * closed its connection pool (see {@link EmbeddedPostgresEnvironment}). Stopping it any earlier,
 * as a plain JVM shutdown hook would, races the context's own shutdown and leaves it waiting
 * for connections that can no longer be made.
 *
 * <p>The platform reaches it as the role {@value EmbeddedDatabaseRoles#APPLICATION}, no superuser (see
 * {@link EmbeddedDatabaseRoles}), over its Unix-domain socket (junixsocket's socket factory for the PostgreSQL
 * driver), not over TCP on loopback: the two processes share a machine, and a round trip through a Unix socket costs
 * both of them less kernel time than one through the TCP stack (see docs/identity.md, "What a token request costs").
 * The socket lives in a fresh directory that only this OS user can enter; it is also the only way in for the
 * superuser. TCP on loopback stays open, with the application role's password, for tools such as {@code psql}.
 *
 * <p>A server that an earlier run left on a kept data directory (the JVM was killed) is stopped first
 * ({@link LeftoverPostmaster}).
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** Longest path a Unix-domain socket may have on Linux (sun_path), less its terminating zero. */
	private static final int SOCKET_PATH_LIMIT = 107;

	private final EmbeddedPostgres postgres;
	private final Path socketDirectory;
	private final String password;
	private int leases;
	private boolean stopped;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path socketDirectory, String password) {
		this.postgres = postgres;
		this.socketDirectory = socketDirectory;
		this.password = password;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenUnused, "embedded-postgres-shutdown"));
	}

	static EmbeddedPostgresServer start(String dataDir, String synchronousCommit) {
		return start(dataDir, synchronousCommit, Map.of());
	}

	/** With further server settings (name to value, e.g. {@code shared_buffers=16MB}), which win over the defaults here. */
	static EmbeddedPostgresServer start(String dataDir, String synchronousCommit, Map<String, String> serverSettings) {
		try {
			boolean temporary = "temporary".equals(dataDir);
			Path dir = temporary ? Files.createTempDirectory("commonscloud-pg-data")
					: Files.createDirectories(Path.of(dataDir).toAbsolutePath().normalize());
			if (!temporary) {
				LeftoverPostmaster.stopIfRunning(dir);
			}
			int port = freePort();
			Path socketDirectory = Files.createTempDirectory("pg-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path socket = usableSocket(socketDirectory, port);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.setPort(port)
					.setDataDirectory(dir)
					// a temporary directory is fresh (initdb) and removed at stop; a kept one is initialised once
					.setCleanDataDirectory(temporary)
					.setDataDirectoryCustomizer(data -> EmbeddedDatabaseRoles.restrictAccess(data.toPath()))
					// the library checks that the server is ready as the superuser: through the private socket
					.setConnectConfig("socketFactory", AFUNIXSocketFactory.FactoryArg.class.getName())
					.setConnectConfig("socketFactoryArg", socket.toString())
					.setServerConfig("synchronous_commit", synchronousCommit)
					.setServerConfig("wal_level", "logical")
					.setServerConfig("max_connections", "200")
					.setServerConfig("password_encryption", "scram-sha-256")
					.setServerConfig("unix_socket_directories", socketDirectory.toString())
					.setServerConfig("unix_socket_permissions", "0700")
					// The library starts the server with -F (fsync off); a later -c fsync=... overrides it. Only a
					// throw-away test database may lose what it committed in an OS crash or a power cut.
					.setServerConfig("fsync", temporary ? "off" : "on");
			serverSettings.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			String password = EmbeddedDatabaseRoles.password(dir);
			try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
				EmbeddedDatabaseRoles.grant(superuser, password);
			} catch (SQLException e) {
				postgres.close();
				throw new IllegalStateException("Could not set up the database role " + EmbeddedDatabaseRoles.APPLICATION
						+ " in the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
			}
			log.info("Embedded PostgreSQL on port {} (psql -h localhost -p {} -U {}, password in {}); superuser through {}",
					port, port, EmbeddedDatabaseRoles.APPLICATION, dir.resolve(EmbeddedDatabaseRoles.PASSWORD_FILE),
					socketDirectory);
			return new EmbeddedPostgresServer(postgres, socketDirectory, password);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	/**
	 * The socket the server will open in that directory. The superuser can come in no other way, so a platform where
	 * junixsocket has no native library, or a temporary directory whose path is too long, cannot run the embedded server.
	 */
	private static Path usableSocket(Path socketDirectory, int port) {
		Path socket = socketDirectory.resolve(".s.PGSQL." + port);
		if (!AFUNIXSocket.isSupported() || socket.toString().getBytes(StandardCharsets.UTF_8).length > SOCKET_PATH_LIMIT) {
			throw new IllegalStateException("The embedded PostgreSQL needs a Unix-domain socket, and " + socket
					+ " cannot be used here (junixsocket unsupported, or the path is longer than " + SOCKET_PATH_LIMIT
					+ " bytes: set java.io.tmpdir to a shorter one). Or set SPRING_DATASOURCE_URL to an external PostgreSQL.");
		}
		return socket;
	}

	/** For the application role, which {@link #username()} names and {@link #password()} signs in: over the socket. */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?socketFactory="
				+ AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg="
				+ socketDirectory.resolve(".s.PGSQL." + postgres.getPort());
	}

	String username() {
		return EmbeddedDatabaseRoles.APPLICATION;
	}

	String password() {
		return password;
	}

	int port() {
		return postgres.getPort();
	}

	synchronized boolean isRunning() {
		return !stopped;
	}

	synchronized void acquire() {
		leases++;
	}

	synchronized void release() {
		leases--;
		if (leases <= 0) {
			stop();
		}
		notifyAll();
	}

	/** At JVM exit: give open contexts time to close their pools first, then stop regardless. */
	private synchronized void stopWhenUnused() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (leases > 0 && !stopped && System.nanoTime() < deadline) {
			try {
				wait(200);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		stop();
	}

	private void stop() {
		if (stopped) {
			return;
		}
		stopped = true;
		try {
			postgres.close();
			FileSystemUtils.deleteRecursively(socketDirectory);
		} catch (IOException e) {
			log.warn("The embedded PostgreSQL did not stop cleanly", e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
