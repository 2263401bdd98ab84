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

	public static void main(String[] args) {
		new SpringApplicationBuilder(CommonsCloudApplication.class, LoginPageStub.class).run(args);
	}
}
