package coop.commonscloud.identity.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The raw Argon2id loop of the identity benchmark, in its own JVM that {@link BenchDriver} starts on
 * the provider's core with the provider's JVM flags, so hashing alone and sign-ins are measured on
 * the same core under the same outside load; not a test. Reads a number of milliseconds per line,
 * hashes for that long, answers "hashes cpu-nanoseconds" (the whole process: JIT and GC too, as the
 * provider's CPU is counted whole).
 */
public final class BenchArgon2Loop {

	private BenchArgon2Loop() {
	}

	public static void main(String[] args) throws Exception {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		String password = RegionApi.PASSWORD;
		String hash = argon2.encode(password);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
				ManagementFactory.getOperatingSystemMXBean();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = commands.readLine(); line != null && !line.isBlank(); line = commands.readLine()) {
			long cpuBefore = os.getProcessCpuTime();
			long end = System.nanoTime() + Long.parseLong(line.trim()) * 1_000_000;
			long hashes = 0;
			while (System.nanoTime() < end) {
				if (!argon2.matches(password, hash)) {
					throw new IllegalStateException("the hash did not match");
				}
				hashes++;
			}
			System.out.println(hashes + " " + (os.getProcessCpuTime() - cpuBefore));
			System.out.flush();
		}
	}
}
