package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.commonscloud.platform.InvalidInput;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankDetailsTests {

	final UUID partner = UUID.randomUUID();

	BankDetails of(String bsb, String number, String name, String iban, String bic, String holder) {
		return BankDetails.of(partner, bsb, number, name, iban, bic, holder, Instant.now(), "test");
	}

	@Test
	void an_australian_account_is_read_and_its_bsb_written_nnn_nnn() {
		BankDetails d = of("062000", " 1234 5678 ", "Birrarung Co-op", "", null, " ");
		assertThat(d.australian()).isEqualTo(new BankDetails.AustralianAccount("062-000", "12345678", "Birrarung Co-op"));
		assertThat(d.sepa()).isNull();
		assertThat(d.has("AUD")).isTrue();
		assertThat(d.has("EUR")).isFalse();
	}

	@Test
	void a_european_account_needs_a_valid_iban_checksum_and_bic() {
		BankDetails d = of(null, null, null, "de89 3704 0044 0532 0130 00", "cobadeffxxx", "Hostsharing eG");
		assertThat(d.sepa()).isEqualTo(new BankDetails.SepaAccount("DE89370400440532013000", "COBADEFFXXX", "Hostsharing eG"));
		assertThatThrownBy(() -> of(null, null, null, "DE88370400440532013000", "COBADEFFXXX", "Hostsharing eG"))
				.isInstanceOf(InvalidInput.class).hasMessageContaining("The IBAN 'DE88370400440532013000' is not valid");
		assertThatThrownBy(() -> of(null, null, null, "DE89370400440532013000", "COBA", "Hostsharing eG"))
				.isInstanceOf(InvalidInput.class).hasMessageContaining("The BIC 'COBA' is not valid");
	}

	@Test
	void every_problem_is_reported_at_once() {
		assertThatThrownBy(() -> of("06200", "1234567890", "Name with ~ tilde", "", "", ""))
				.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsExactly(
						"Write the BSB as six digits, such as 062-000", "An Australian account number is 1 to 9 digits",
						"The account name is 1 to 32 characters: letters, digits, spaces and & ' ( ) * + , - . /"));
		assertThatThrownBy(() -> of("", "", "", "", "", "")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("Give an Australian account");
	}
}
