package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbaFileTests {

	static final AbaFile.Remitter REGION = new AbaFile.Remitter("CBA", "Commons Cloud Region", "301500", "PAYOUTS", "062-000",
			"12345678", "Commons Cloud Region", "COMMONS CLOUD", true);
	static final AbaFile.Remitter UNBALANCED = new AbaFile.Remitter("CBA", "Commons Cloud Region", "301500", "PAYOUTS",
			"062-000", "12345678", "Commons Cloud Region", "COMMONS CLOUD", false);

	final List<AbaFile.Credit> credits = List.of(
			new AbaFile.Credit("033-001", "123456789", "Nördliche Genossenschaft", 123456, "P202610-AAAA0001"),
			new AbaFile.Credit("082-002", "42", "Birrarung Co-op", 1, "P202610-BBBB0002"));

	@Test
	void every_record_is_120_characters_and_ends_with_cr_lf() {
		String file = AbaFile.write(REGION, LocalDate.of(2026, 11, 3), credits);
		assertThat(file).endsWith("\r\n");
		String[] records = file.split("\r\n");
		assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(120).doesNotContain("\n", "\r"));
		assertThat(records).extracting(r -> r.charAt(0)).containsExactly('0', '1', '1', '1', '7');
		assertThat(AbaValidator.problems(file)).isEmpty();
	}

	@Test
	void the_fields_stand_where_the_format_puts_them() {
		String[] r = AbaFile.write(REGION, LocalDate.of(2026, 11, 3), credits).split("\r\n");
		assertThat(r[0].substring(18, 20)).isEqualTo("01");
		assertThat(r[0].substring(20, 23)).isEqualTo("CBA");
		assertThat(r[0].substring(30, 56)).isEqualTo("Commons Cloud Region      ");
		assertThat(r[0].substring(56, 62)).isEqualTo("301500");
		assertThat(r[0].substring(62, 74)).isEqualTo("PAYOUTS     ");
		assertThat(r[0].substring(74, 80)).isEqualTo("031126");
		assertThat(r[1].substring(1, 8)).isEqualTo("033-001");
		assertThat(r[1].substring(8, 17)).isEqualTo("123456789");
		assertThat(r[1].substring(18, 20)).isEqualTo("50");
		assertThat(r[1].substring(20, 30)).isEqualTo("0000123456");
		// transliterated to the characters direct entry accepts
		assertThat(r[1].substring(30, 62)).isEqualTo("Nordliche Genossenschaft        ");
		assertThat(r[1].substring(62, 80)).isEqualTo("P202610-AAAA0001  ");
		assertThat(r[1].substring(80, 87)).isEqualTo("062-000");
		assertThat(r[1].substring(87, 96)).isEqualTo(" 12345678");
		assertThat(r[1].substring(96, 112)).isEqualTo("COMMONS CLOUD   ");
		assertThat(r[1].substring(112, 120)).isEqualTo("00000000");
		assertThat(r[2].substring(8, 17)).isEqualTo("       42");
		// the balancing debit to the region's own account
		assertThat(r[3].substring(1, 8)).isEqualTo("062-000");
		assertThat(r[3].substring(18, 20)).isEqualTo("13");
		assertThat(r[3].substring(20, 30)).isEqualTo("0000123457");
		assertThat(r[4]).startsWith("7999-999            ");
		assertThat(r[4].substring(20, 30)).isEqualTo("0000000000");
		assertThat(r[4].substring(30, 40)).isEqualTo("0000123457");
		assertThat(r[4].substring(40, 50)).isEqualTo("0000123457");
		assertThat(r[4].substring(74, 80)).isEqualTo("000003");
	}

	@Test
	void without_a_balancing_record_the_net_total_is_the_credit_total() {
		String file = AbaFile.write(UNBALANCED, LocalDate.of(2026, 11, 3), credits);
		String[] r = file.split("\r\n");
		assertThat(r).hasSize(4);
		assertThat(r[3].substring(20, 30)).isEqualTo("0000123457");
		assertThat(r[3].substring(40, 50)).isEqualTo("0000000000");
		assertThat(r[3].substring(74, 80)).isEqualTo("000002");
		assertThat(AbaValidator.problems(file)).isEmpty();
	}

	@Test
	void the_validator_finds_a_hand_broken_file() {
		String good = AbaFile.write(UNBALANCED, LocalDate.of(2026, 11, 3), credits);
		String[] r = good.split("\r\n");

		String wrongTotal = r[0] + "\r\n" + r[1] + "\r\n" + r[2] + "\r\n" + r[3].substring(0, 30) + "0000999999"
				+ r[3].substring(40) + "\r\n";
		assertThat(AbaValidator.problems(wrongTotal))
				.containsExactly("The credit total in the file total record is 999999 but the records give 123457");

		String shortRecord = r[0] + "\r\n" + r[1].substring(0, 119) + "\r\n" + r[2] + "\r\n" + r[3] + "\r\n";
		assertThat(AbaValidator.problems(shortRecord)).contains("Record 2 is 119 characters long, not 120")
				.anyMatch(p -> p.startsWith("The count of detail records"));

		String bareLineFeeds = good.replace("\r\n", "\n");
		assertThat(AbaValidator.problems(bareLineFeeds)).contains("The file does not end with CR LF");

		String noTotal = r[0] + "\r\n" + r[1] + "\r\n" + r[2] + "\r\n";
		assertThat(AbaValidator.problems(noTotal)).contains("The last record is of type 1, not 7 (file total)");

		String wrongCount = r[0] + "\r\n" + r[1] + "\r\n" + r[2] + "\r\n" + r[3].substring(0, 74) + "000003" + r[3].substring(80)
				+ "\r\n";
		assertThat(AbaValidator.problems(wrongCount))
				.containsExactly("The count of detail records in the file total record is 3 but the records give 2");

		String badBsb = r[0] + "\r\n" + r[1].charAt(0) + "033001 " + r[1].substring(8) + "\r\n" + r[2] + "\r\n" + r[3] + "\r\n";
		assertThat(AbaValidator.problems(badBsb)).contains("Record 2: a BSB is not NNN-NNN");
	}
}
