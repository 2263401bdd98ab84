package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the credits, names and references, a written ABA file re-reads as sound and its totals add up. */
class AbaFileProperties {

	@Provide
	Arbitrary<AbaFile.Credit> credits() {
		Arbitrary<String> bsb = Arbitraries.strings().numeric().ofLength(6).map(s -> s.substring(0, 3) + "-" + s.substring(3));
		Arbitrary<String> account = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9);
		Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(60);
		Arbitrary<Long> cents = Arbitraries.longs().between(1, 99_999_999);
		return Combinators.combine(bsb, account, text, cents, text).as(AbaFile.Credit::new);
	}

	@Property(tries = 300)
	void a_written_file_always_validates_and_its_totals_are_the_sum(
			@ForAll @Size(min = 1, max = 40) List<AbaFile.@From("credits") Credit> credits, @ForAll boolean balancing) {
		var remitter = balancing ? AbaFileTests.REGION : AbaFileTests.UNBALANCED;
		String file = AbaFile.write(remitter, LocalDate.of(2026, 11, 3), credits);
		assertThat(AbaValidator.problems(file)).isEmpty();
		String[] records = file.split("\r\n");
		long sum = credits.stream().mapToLong(AbaFile.Credit::cents).sum();
		String total = records[records.length - 1];
		assertThat(Long.parseLong(total.substring(30, 40))).isEqualTo(sum);
		assertThat(Long.parseLong(total.substring(40, 50))).isEqualTo(balancing ? sum : 0);
		assertThat(Long.parseLong(total.substring(74, 80))).isEqualTo(credits.size() + (balancing ? 1 : 0));
		assertThat(records).allSatisfy(r -> assertThat(r).hasSize(120));
	}
}
