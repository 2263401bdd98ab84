package coop.commonscloud.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The raw Argon2id loop ({@link BenchArgon2Loop}) in its own JVM, pinned to the given core. */
record BenchRawArgon2(AutoCloseable process, java.io.BufferedReader answers, java.io.PrintWriter commands) {

	/** The same loop inside the provider's JVM ({@link BenchProvider} serves it on a loopback port). */
	static BenchRawArgon2 connect(int port) throws java.io.IOException {
		java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
		return new BenchRawArgon2(socket, new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())),
				new java.io.PrintWriter(socket.getOutputStream(), true));
	}

	static BenchRawArgon2 start(String cpuList) throws java.io.IOException {
		List<String> command = new ArrayList<>(List.of("taskset", "-c", cpuList,
				ProcessHandle.current().info().command().orElse("java")));
		String flags = System.getenv().getOrDefault("BENCH_JVM_OPTS", "");
		for (String flag : flags.trim().split("\\s+")) {
			if (!flag.isEmpty()) {
				command.add(flag);
			}
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchArgon2Loop.class.getName()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		return new BenchRawArgon2(() -> process.waitFor(),
				new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())),
				new java.io.PrintWriter(process.getOutputStream(), true));
	}

	/** Hashes for the given time with that many threads at once; answers the number of hashes and the process's CPU nanoseconds. */
	long[] run(Duration length, int threads) throws java.io.IOException {
		commands.println(length.toMillis() + " " + threads);
		String[] answer = answers.readLine().split(" ");
		return new long[] {Long.parseLong(answer[0]), Long.parseLong(answer[1])};
	}

	void close() throws Exception {
		commands.close();
		process.close();
	}
}
