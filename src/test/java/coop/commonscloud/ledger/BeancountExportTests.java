package coop.commonscloud.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.platform.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The Beancount export is accepted by Beancount's own bean-check, with balances equal to the app's. */
@SpringBootTest
@AutoConfigureMockMvc
class BeancountExportTests {

	@Autowired
	Ledger ledger;
	@Autowired
	MockMvc mvc;
	@TempDir
	Path dir;

	@Test
	void bean_check_accepts_the_export_and_its_balance_assertions() throws Exception {
		String code = "Coop" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		LedgerAccount providerA = LedgerAccount.providerPayable(code + "A");
		LedgerAccount providerB = LedgerAccount.providerPayable(code + "B");
		ledger.post(new LedgerTransaction(LocalDate.of(2026, 10, 3), new Cause(Cause.Kind.PAYMENT, "bank-" + code),
				"Full membership, \"Ngaio\" \\ paid by transfer", List.of(
						new Posting(LedgerAccount.CASH, Money.of(4000, "AUD")),
						new Posting(LedgerAccount.UNSETTLED_PAYMENTS, Money.of(-4000, "AUD")))));
		ledger.post(new LedgerTransaction(LocalDate.of(2026, 11, 1), new Cause(Cause.Kind.SETTLEMENT_RUN, "2026-10 " + code),
				"Settlement of October", List.of(
						new Posting(LedgerAccount.UNSETTLED_PAYMENTS, Money.of(4000, "AUD")),
						new Posting(providerA, Money.of(-2800, "AUD")),
						new Posting(providerB, Money.of(-800, "AUD")),
						new Posting(LedgerAccount.STEWARDSHIP_INCOME, Money.of(-400, "AUD")))));

		String journal = mvc.perform(get("/api/ledger/export.beancount").with(httpBasic("admin", "steward-password-for-tests")))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(journal).containsPattern("balance " + providerA.name() + "\\s+-28\\.00 ~ 0 AUD");

		assertThat(beanCheck(journal)).as("bean-check on the export").isEqualTo("");
		// and the check is real: a balance that differs from the ledger's is caught
		String tampered = journal.replaceFirst("(balance " + providerA.name() + "\\s+)-28\\.00", "$1-28.01");
		assertThat(tampered).isNotEqualTo(journal);
		assertThat(beanCheck(tampered)).contains("Balance failed");
	}

	@Test
	void the_public_cannot_export_the_ledger() throws Exception {
		mvc.perform(get("/api/ledger/export.beancount")).andExpect(status().isForbidden());
	}

	private String beanCheck(String journal) throws Exception {
		Path file = dir.resolve("ledger-" + System.nanoTime() + ".beancount");
		Files.writeString(file, journal);
		Process process = new ProcessBuilder("bean-check", file.toString()).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (process.exitValue() == 0) {
			assertThat(output).isEmpty();
		} else {
			assertThat(output).isNotEmpty();
		}
		return output;
	}
}
