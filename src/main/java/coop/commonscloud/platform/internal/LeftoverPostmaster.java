package coop.commonscloud.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on a kept data directory when the platform starts. The library starts the
 * server through {@code pg_ctl}, so it is no child of the JVM: a JVM killed with {@code kill -9} leaves it running,
 * holding {@code postmaster.pid}, and the next start fails. Such a server is stopped the way {@code pg_ctl stop -m
 * fast} stops one (the clients it served died with that JVM), with the {@code pg_ctl} next to its own binary.
 *
 * <p>A {@code postmaster.pid} whose process is gone, or is no PostgreSQL server on this directory, is left to
 * PostgreSQL, which checks the same and starts over it. A server whose JVM is alive is no leftover: the library
 * holds a lock on {@value #LIBRARY_LOCK} in the data directory while it runs one, which the kernel releases when
 * that JVM dies; a second platform started on the same directory is refused instead of stopping the first one's
 * database.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
	private static final Duration PATIENCE = Duration.ofSeconds(60);
	static final String LIBRARY_LOCK = "epg-lock";

	private final ProcessHandle process;
	private final Path dataDir;

	private LeftoverPostmaster(ProcessHandle process, Path dataDir) {
		this.process = process;
		this.dataDir = dataDir;
	}

	/** Stops the server an earlier run left on {@code dataDir}, if there is one; answers whether there was. */
	static boolean stopIfRunning(Path dataDir) {
		if (inUse(dataDir)) {
			throw new IllegalStateException("Another running Commons Cloud uses the embedded PostgreSQL in " + dataDir
					+ " (a live JVM holds " + dataDir.resolve(LIBRARY_LOCK) + "); stop it first, or give this one its own "
					+ "commonscloud.database.embedded.data-dir");
		}
		return find(dataDir).map(leftover -> {
			leftover.stop();
			return true;
		}).orElse(false);
	}

	/** The live PostgreSQL server that {@code postmaster.pid} names, if it serves this data directory. */
	static Optional<LeftoverPostmaster> find(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		List<String> lines;
		try {
			lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read " + pidFile, e);
		}
		// the file's first line is the server's pid, its second the data directory (PostgreSQL's miscadmin.h)
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		boolean sameDirectory = sameFile(Path.of(lines.get(1).strip()), dataDir);
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.filter(process -> sameDirectory && isPostgres(process))
				.map(process -> new LeftoverPostmaster(process, dataDir));
	}

	/** Whether a live JVM (this one included) holds the library's lock on the directory. */
	static boolean inUse(Path dataDir) {
		Path lock = dataDir.resolve(LIBRARY_LOCK);
		if (!Files.exists(lock)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
			FileLock held = channel.tryLock();
			if (held == null) {
				return true;
			}
			held.release();
			return false;
		} catch (OverlappingFileLockException heldByThisJvm) {
			return true;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not check the lock " + lock, e);
		}
	}

	long pid() {
		return process.pid();
	}

	private void stop() {
		log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", process.pid(), dataDir);
		Optional<Path> pgCtl = process.info().command().map(Path::of).map(binary -> binary.resolveSibling("pg_ctl"))
				.filter(Files::isExecutable);
		try {
			if (pgCtl.isPresent()) {
				Process stopping = new ProcessBuilder(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast",
						"-w", "-t", String.valueOf(PATIENCE.toSeconds())).redirectErrorStream(true)
						.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
				// pg_ctl refuses to run as root (as in some containers), where the library's server still runs
				if (!stopping.waitFor(PATIENCE.toSeconds() + 5, TimeUnit.SECONDS) || stopping.exitValue() != 0) {
					process.destroy();
				}
			} else {
				// SIGTERM: a smart shutdown, which its clients (gone with the JVM) no longer hold up
				process.destroy();
			}
			awaitStopped();
		} catch (IOException | TimeoutException e) {
			throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + process.pid()
					+ ") that an earlier run left on " + dataDir + "; stop it, then start again", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left on " + dataDir, e);
		}
		log.info("The PostgreSQL server left on {} has stopped", dataDir);
	}

	/**
	 * A server removes {@code postmaster.pid} as it exits. Its process may linger as a zombie where nothing reaps
	 * the orphans of the killed JVM (PID 1 in some containers), so its exit is no sign to wait for.
	 */
	private void awaitStopped() throws InterruptedException, TimeoutException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (Files.exists(pidFile) && process.isAlive()) {
			if (System.nanoTime() > deadline) {
				throw new TimeoutException("still running after " + PATIENCE.toSeconds() + " s");
			}
			Thread.sleep(100);
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		// the library's binaries are called postgres; a pid reused by another program is not one
		return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
				.map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(false);
	}

	private static boolean sameFile(Path a, Path b) {
		try {
			return Files.exists(a) && Files.isSameFile(a, b);
		} catch (IOException e) {
			return false;
		}
	}
}
