package coop.commonscloud.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.catalogue.LicenceVerdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** OR needs one acceptable branch and AND needs all, for any pair of real (or made-up) licences. */
class FreeSoftwareRulePropertyTests {

	@Provide
	Arbitrary<String> licences() {
		return Arbitraries.of("MIT", "Apache-2.0", "AGPL-3.0-or-later", "GPL-2.0-only", "BUSL-1.1", "SSPL-1.0",
				"Elastic-2.0", "WTFPL", "CC-BY-NC-4.0", "LicenseRef-Anti-Capitalist-1.4", "LicenseRef-Proprietary",
				"Made-Up-1.0", "GPL-2.0-or-later WITH Classpath-exception-2.0");
	}

	static boolean free(String expression) {
		LicenceVerdict verdict = FreeSoftwareRuleTests.evaluate(expression);
		assertThat(verdict.reasons()).isNotEmpty();
		return verdict.free();
	}

	@Property(tries = 200)
	void or_needs_one_acceptable_branch(@ForAll("licences") String a, @ForAll("licences") String b) {
		assertThat(free("(" + a + ") OR (" + b + ")")).isEqualTo(free(a) || free(b));
	}

	@Property(tries = 200)
	void and_needs_every_branch(@ForAll("licences") String a, @ForAll("licences") String b) {
		assertThat(free("(" + a + ") AND (" + b + ")")).isEqualTo(free(a) && free(b));
	}
}
