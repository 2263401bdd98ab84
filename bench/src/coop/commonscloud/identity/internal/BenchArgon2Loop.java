package coop.commonscloud.identity.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The raw Argon2id loop of the identity benchmark, in its own JVM that {@link BenchDriver} starts on
 * the provider's core with the provider's JVM flags, so hashing alone and sign-ins are measured on
 * the same core under the same outside load; not a test. Reads a number of milliseconds per line,
 * hashes for that long, answers "hashes cpu-nanoseconds" (the whole process: JIT and GC too, as the
 * provider's CPU is counted whole). A line may name a number of threads after the milliseconds
 * ("5000 4"): that many threads then hash at once, as that many concurrent sign-ins would.
 */
public final class BenchArgon2Loop {

	private BenchArgon2Loop() {
	}

	public static void main(String[] args) throws Exception {
		BenchArgon2Loop loop = new BenchArgon2Loop();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = commands.readLine(); line != null && !line.isBlank(); line = commands.readLine()) {
			System.out.println(loop.run(line));
			System.out.flush();
		}
	}

	private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
	private final String password = StewardCalls.PASSWORD;
	private final String hash = argon2.encode(password);
	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
			ManagementFactory.getOperatingSystemMXBean();

	/** Runs one command ("milliseconds [threads]"); answers "hashes cpu-nanoseconds" of this whole process. */
	String run(String line) throws InterruptedException {
		String[] command = line.trim().split(" ");
		long end = System.nanoTime() + Long.parseLong(command[0]) * 1_000_000;
		int threads = command.length > 1 ? Integer.parseInt(command[1]) : 1;
		AtomicLong hashes = new AtomicLong();
		long cpuBefore = os.getProcessCpuTime();
		if (threads == 1) {
			// on this thread, which outlives the command: the driver may count CPU per live thread (/proc/pid/task), and
			// a thread that has ended no longer shows there
			hash(end, hashes);
			return hashes.get() + " " + (os.getProcessCpuTime() - cpuBefore);
		}
		List<Thread> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> hash(end, hashes));
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		return hashes.get() + " " + (os.getProcessCpuTime() - cpuBefore);
	}

	/** Hashes until the given {@link System#nanoTime()}, at least once if it starts before then. */
	private void hash(long end, AtomicLong hashes) {
		while (System.nanoTime() < end) {
			if (!argon2.matches(password, hash)) {
				throw new IllegalStateException("the hash did not match");
			}
			hashes.incrementAndGet();
		}
	}

	/**
	 * The same loop inside another process (the provider, for {@link BenchProvider}): answers the
	 * same commands over a loopback socket, one connection at a time, on a daemon thread.
	 */
	static void serve(int port) throws java.io.IOException {
		java.net.ServerSocket server = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
		Thread serving = new Thread(() -> {
			BenchArgon2Loop loop = new BenchArgon2Loop();
			while (true) {
				try (java.net.Socket socket = server.accept();
						BufferedReader commands = new BufferedReader(new InputStreamReader(socket.getInputStream(),
								StandardCharsets.UTF_8));
						java.io.PrintWriter answers = new java.io.PrintWriter(socket.getOutputStream(), true,
								StandardCharsets.UTF_8)) {
					for (String line = commands.readLine(); line != null && !line.isBlank(); line = commands.readLine()) {
						answers.println(loop.run(line));
					}
				} catch (java.io.IOException | InterruptedException e) {
					return;
				}
			}
		}, "bench-argon2-loop");
		serving.setDaemon(true);
		serving.start();
	}
}
