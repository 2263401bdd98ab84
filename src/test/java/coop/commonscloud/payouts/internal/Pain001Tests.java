package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pain001Tests {

	final Pain001.Debtor region = new Pain001.Debtor("Commons Cloud Region", "DE89370400440532013000", "COBADEFFXXX");
	final List<Pain001.Credit> credits = List.of(
			new Pain001.Credit("P202610-AAAA0001", "Gemeinschaft & Söhne eG", "NL91ABNA0417164300", "ABNANL2A", 123456,
					"Commons Cloud payout for 2026-10"),
			new Pain001.Credit("P202610-BBBB0002", "Hostsharing eG", "DE02120300000000202051", "BYLADEM1001", 5,
					"Commons Cloud payout for 2026-10"));

	String document() {
		return Pain001.write("CC-PAYOUTS-2026-10-1", LocalDateTime.of(2026, 11, 3, 9, 30, 15), LocalDate.of(2026, 11, 4), region,
				credits);
	}

	@Test
	void a_generated_document_is_valid_against_the_official_schema() {
		String xml = document();
		assertThat(Pain001.problems(xml)).isEmpty();
		assertThat(xml).contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"")
				.contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>1234.61</CtrlSum>")
				.contains("<InstdAmt Ccy=\"EUR\">1234.56</InstdAmt>").contains("<InstdAmt Ccy=\"EUR\">0.05</InstdAmt>")
				.contains("<BICFI>ABNANL2A</BICFI>").contains("Gemeinschaft &amp; Söhne eG")
				.contains("<ReqdExctnDt><Dt>2026-11-04</Dt></ReqdExctnDt>");
	}

	@Test
	void a_broken_document_fails_the_schema() {
		String xml = document();
		assertThat(Pain001.problems(xml.replace("<PmtMtd>TRF</PmtMtd>", "")))
				.anyMatch(p -> p.contains("PmtMtd") || p.contains("NbOfTxs"));
		assertThat(Pain001.problems(xml.replace("<BICFI>ABNANL2A</BICFI>", "<BICFI>not a bic</BICFI>"))).isNotEmpty();
		assertThat(Pain001.problems(xml.replace("1234.56", "-1234.56"))).isNotEmpty();
		assertThat(Pain001.problems(xml.replace("pain.001.001.09", "pain.001.001.03"))).isNotEmpty();
		assertThat(Pain001.problems("<Document")).isNotEmpty();
	}
}
