package coop.commonscloud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void amounts_are_read_exactly_in_minor_units() {
		assertThat(Money.parse("40.00", "AUD")).isEqualTo(Money.of(4000, "AUD"));
		assertThat(Money.parse("0.1", "AUD").plus(Money.parse("0.2", "AUD"))).isEqualTo(Money.parse("0.3", "AUD"));
		assertThat(Money.of(4000, "AUD")).hasToString("AUD 40.00");
		assertThat(Money.parse("100", "JPY").minorUnits()).isEqualTo(100);
	}

	@Test
	void more_decimals_than_the_currency_has_are_refused() {
		assertThatThrownBy(() -> Money.parse("1.005", "AUD")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("at most 2 decimals");
		assertThatThrownBy(() -> Money.parse("ten", "AUD")).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void currencies_do_not_mix_and_overflow_is_refused() {
		assertThatThrownBy(() -> Money.of(1, "AUD").plus(Money.of(1, "EUR"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "AUD").plus(Money.of(1, "AUD"))).isInstanceOf(ArithmeticException.class);
	}
}
