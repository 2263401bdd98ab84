package coop.commonscloud.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.commonscloud.catalogue.LicenceVerdict;
import coop.commonscloud.catalogue.internal.domain.FreeSoftwareRule;
import coop.commonscloud.platform.InvalidInput;
import java.lang.reflect.Field;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spdx.library.ListedLicenses;
import org.spdx.storage.listedlicense.SpdxListedLicenseLocalStore;

/** The FOSS criterion on the real licences of real applications, read with the SPDX library offline. */
class FreeSoftwareRuleTests {

	static final SpdxLicenceReader READER = new SpdxLicenceReader();
	static final FreeSoftwareRule RULE = new FreeSoftwareRule(READER.listVersion(),
			Set.of("LicenseRef-Anti-Capitalist-1.4", "LicenseRef-Reticulum"));

	static LicenceVerdict evaluate(String expression) {
		return RULE.evaluate(expression, READER.read(expression));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Nextcloud                       | AGPL-3.0-or-later                                 | true  | AGPL-3.0-or-later is OSI-approved and FSF-libre
			Mastodon                        | AGPL-3.0-only                                     | true  | AGPL-3.0-only is OSI-approved and FSF-libre
			Discourse                       | GPL-2.0-only                                      | true  | GPL-2.0-only is OSI-approved and FSF-libre
			dual licence, either will do    | Apache-2.0 OR MIT                                 | true  | MIT is OSI-approved
			source-available part           | MIT AND BUSL-1.1                                  | false | BUSL-1.1 is neither OSI-approved nor FSF-libre
			MongoDB                         | SSPL-1.0                                          | false | SSPL-1.0 is neither OSI-approved nor FSF-libre
			Elasticsearch                   | Elastic-2.0                                       | false | Elastic-2.0 is neither OSI-approved nor FSF-libre
			GNU Classpath                   | GPL-2.0-or-later WITH Classpath-exception-2.0     | true  | Classpath-exception-2.0 is an exception on the SPDX exception list
			liberatory licence              | LicenseRef-Anti-Capitalist-1.4                    | true  | LicenseRef-Anti-Capitalist-1.4 is on the region's list of liberatory licences
			liberatory, other case          | licenseref-reticulum                              | true  | is on the region's list of liberatory licences
			LicenseRef not on the list      | LicenseRef-Commons-Clause                         | false | LicenseRef-Commons-Clause is not on the region's list of liberatory licences
			unknown identifier              | Foo-Public-1.0                                    | false | 'Foo-Public-1.0' is not an identifier on the SPDX licence list
			unknown identifier in an OR     | Foo-Public-1.0 OR MIT                             | true  | MIT is OSI-approved
			unknown in an AND               | Foo-Public-1.0 AND MIT                            | false | 'Foo-Public-1.0' is not an identifier
			unlisted exception              | GPL-2.0-only WITH Foo-exception                   | false | 'Foo-exception' is not an exception on the SPDX exception list
			AdditionRef exception           | GPL-2.0-only WITH AdditionRef-Custom              | false | 'AdditionRef-Custom' is not an exception on the SPDX exception list
			FSF-libre but not OSI           | WTFPL                                             | true  | WTFPL is FSF-libre
			OR-later operator               | GPL-2.0+                                          | true  | GPL-2.0 (a deprecated identifier) is OSI-approved and FSF-libre
			nested                          | (MIT AND BUSL-1.1) OR (Apache-2.0 AND BSD-3-Clause) | true | BSD-3-Clause is OSI-approved
			nested, no acceptable branch    | (MIT AND BUSL-1.1) OR SSPL-1.0                    | false | OR needs one acceptable licence to choose, and none is
			lower-case operators            | mit or apache-2.0                                 | true  | MIT is OSI-approved
			no assertion                    | NOASSERTION                                       | false | 'NOASSERTION' is not an identifier on the SPDX licence list
			""")
	void licences_of_real_applications(String what, String expression, boolean free, String reason) {
		LicenceVerdict verdict = evaluate(expression);
		assertThat(verdict.free()).as(verdict.toString()).isEqualTo(free);
		assertThat(verdict).isInstanceOf(free ? LicenceVerdict.Free.class : LicenceVerdict.NotFree.class);
		assertThat(verdict.reasons()).as(what).anySatisfy(r -> assertThat(r).contains(reason));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"(MIT OR Apache-2.0", "MIT AND", "this is not a licence", "MIT !! Apache-2.0", "OR OR OR",
			"MIT WITH", "Classpath-exception-2.0", "   "})
	void garbage_is_invalid_input_with_a_clear_message(String garbage) {
		assertThatThrownBy(() -> READER.read(garbage))
				.isInstanceOf(InvalidInput.class)
				.satisfies(e -> assertThat(e.getMessage()).satisfiesAnyOf(
						m -> assertThat(m).contains("is not a valid SPDX licence expression"),
						m -> assertThat(m).contains("Give a licence expression")));
	}

	@Test
	void the_message_for_garbage_names_what_the_person_wrote_not_a_placeholder() {
		assertThatThrownBy(() -> READER.read("this is not a licence"))
				.hasMessageContaining("'this is not a licence' is not a valid SPDX licence expression")
				.hasMessageNotContaining("unlisted");
	}

	@Test
	void an_overlong_expression_is_refused() {
		assertThatThrownBy(() -> READER.read("MIT OR ".repeat(200) + "MIT")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("at most 1000 characters");
	}

	@Test
	void the_licence_list_is_the_one_bundled_in_the_jar_never_the_web() throws Exception {
		READER.read("MIT");
		assertThat(System.getProperty(SpdxLicenceReader.OFFLINE_PROPERTY)).isEqualTo("true");
		Field store = ListedLicenses.class.getDeclaredField("baseModelStore");
		store.setAccessible(true);
		assertThat(store.get(ListedLicenses.getListedLicenses())).isInstanceOf(SpdxListedLicenseLocalStore.class);
		assertThat(READER.listVersion()).matches("3\\.\\d+(\\.\\d+)?");
	}
}
