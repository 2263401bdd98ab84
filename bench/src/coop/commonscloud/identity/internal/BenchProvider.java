package coop.commonscloud.identity.internal;

import coop.commonscloud.CommonsCloudApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The platform as it runs, plus the tests' bare sign-in form, for {@code bench/run.sh}; not a test.
 * (The form stands in for the web UI's login page where this branch has none.)
 */
public final class BenchProvider {

	private BenchProvider() {
	}

	public static void main(String[] args) throws java.io.IOException {
		// the raw Argon2id loop inside this JVM too, so the driver can tell this process's hashing from its sign-ins
		String argon2Port = System.getProperty("bench.argon2.port");
		if (argon2Port != null) {
			BenchArgon2Loop.serve(Integer.parseInt(argon2Port));
		}
		new SpringApplicationBuilder(CommonsCloudApplication.class, LoginPageStub.class).run(args);
	}
}
