package coop.commonscloud.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server and the application contexts that use it. Each context holds a
 * lease; the server stops when the last lease is released, which happens after that context has
 * closed its connection pool (see {@link EmbeddedPostgresEnvironment}). Stopping it any earlier,
 * as a plain JVM shutdown hook would, races the context's own shutdown and leaves it waiting
 * for connections that can no longer be made.
 *
 * <p>The platform reaches it over its Unix-domain socket (junixsocket's socket factory for the PostgreSQL driver),
 * not over TCP on loopback: the two processes share a machine, and a round trip through a Unix socket costs both of
 * them less kernel time than one through the TCP stack (see docs/identity.md, "What a token request costs"). TCP
 * stays open for tools such as {@code psql -h localhost}, and is used instead when the socket cannot be.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** Longest path a Unix-domain socket may have on Linux (sun_path), less its terminating zero. */
	private static final int SOCKET_PATH_LIMIT = 107;

	private final EmbeddedPostgres postgres;
	private final Path socketDirectory;
	private int leases;
	private boolean stopped;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path socketDirectory) {
		this.postgres = postgres;
		this.socketDirectory = socketDirectory;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenUnused, "embedded-postgres-shutdown"));
	}

	static EmbeddedPostgresServer start(String dataDir, String synchronousCommit) {
		return start(dataDir, synchronousCommit, Map.of());
	}

	/** With further server settings (name to value, e.g. {@code shared_buffers=16MB}), which win over the defaults here. */
	static EmbeddedPostgresServer start(String dataDir, String synchronousCommit, Map<String, String> serverSettings) {
		try {
			Path socketDirectory = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.setServerConfig("synchronous_commit", synchronousCommit)
					.setServerConfig("wal_level", "logical")
					.setServerConfig("max_connections", "200")
					.setServerConfig("unix_socket_directories", socketDirectory.toString());
			serverSettings.forEach(builder::setServerConfig);
			// The library starts the server with -F (fsync off); a later -c fsync=... overrides it. Only a throw-away
			// test database may lose what it committed in an OS crash or a power cut: a kept data directory syncs.
			if ("temporary".equals(dataDir)) {
				builder.setServerConfig("fsync", "off").setCleanDataDirectory(true);
			} else {
				builder.setServerConfig("fsync", "on");
				Path dir = Path.of(dataDir).toAbsolutePath().normalize();
				Files.createDirectories(dir);
				builder.setDataDirectory(dir).setCleanDataDirectory(false);
			}
			return new EmbeddedPostgresServer(builder.start(), socketDirectory);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	/** Over the server's Unix-domain socket where junixsocket supports this platform and the path fits; else TCP. */
	String jdbcUrl() {
		String tcp = postgres.getJdbcUrl("postgres", "postgres");
		Path socket = socketDirectory.resolve(".s.PGSQL." + postgres.getPort());
		if (!AFUNIXSocket.isSupported() || socket.toString().getBytes(StandardCharsets.UTF_8).length > SOCKET_PATH_LIMIT
				|| !Files.exists(socket)) {
			log.info("The embedded PostgreSQL is reached over TCP: its Unix-domain socket {} cannot be used", socket);
			return tcp;
		}
		return tcp + (tcp.contains("?") ? "&" : "?") + "socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
				+ "&socketFactoryArg=" + socket;
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
		} catch (IOException e) {
			log.warn("The embedded PostgreSQL did not stop cleanly", e);
		}
	}
}
