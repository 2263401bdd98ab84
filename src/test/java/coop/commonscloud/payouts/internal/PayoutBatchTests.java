package coop.commonscloud.payouts.internal;

import static coop.commonscloud.payouts.internal.PayoutFixtures.STEWARD;
import static coop.commonscloud.payouts.internal.PayoutFixtures.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Batches from a posted settlement: made once, posted once and balanced, exported, immutable, reversed. */
@SpringBootTest
@AutoConfigureMockMvc
class PayoutBatchTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Ledger ledger;
	@Autowired
	JdbcClient jdbc;

	long balance(LedgerAccount account, String currency) {
		return ledger.balances().getOrDefault(account, List.of()).stream()
				.filter(m -> m.currency().getCurrencyCode().equals(currency)).mapToLong(Money::minorUnits).sum();
	}

	List<PostedTransaction> payouts(String reference) {
		return ledger.journal().stream()
				.filter(t -> t.transaction().cause().equals(new Cause(Cause.Kind.PAYOUT, reference))).toList();
	}

	@Test
	void making_batches_twice_makes_them_once_and_posts_each_payout_once_and_balanced() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		String south = f.partner("South Co-op");
		String east = f.partner("East Co-op");
		f.send(put("/api/payouts/partners/" + north + "/bank-details"), basic(f.adminOf(north)),
				"{\"bsb\":\"033-001\",\"accountNumber\":\"123456789\",\"accountName\":\"North Co-op\"}");
		f.send(put("/api/payouts/partners/" + south + "/bank-details"), STEWARD,
				"{\"bsb\":\"082002\",\"accountNumber\":\"42\",\"accountName\":\"South Co-op\"}");
		f.settle(ledger, "AUD", north, 12_345, south, 678, east, 900);
		// a second settlement transaction for the same period adds to north's credit
		f.settle(ledger, "AUD", north, 5);
		long cashBefore = balance(LedgerAccount.CASH, "AUD");

		String first = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		assertThat(JsonPath.<List<String>>read(first, "$.created[*].partnerId")).containsExactlyInAnyOrder(north, south);
		assertThat(JsonPath.<List<String>>read(first, "$.skipped")).singleElement().asString()
				.contains("East Co-op " + f.suffix).contains("no Australian (BSB) bank account");
		String northBatch = JsonPath.read(first, "$.created[?(@.partnerId == '" + north + "')].reference").toString();
		assertThat(JsonPath.<List<String>>read(first, "$.created[?(@.partnerId == '" + north + "')].amount")).containsExactly("123.50");

		String second = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		assertThat(JsonPath.<List<Object>>read(second, "$.created")).isEmpty();
		assertThat(JsonPath.<List<String>>read(second, "$.existing[*].partnerId")).containsExactlyInAnyOrder(north, south);

		String reference = northBatch.replaceAll("[\\[\\]\"]", "");
		assertThat(payouts(reference)).singleElement().satisfies(t -> {
			assertThat(t.transaction().postings()).containsExactlyInAnyOrder(
					new Posting(LedgerAccount.providerPayable(UUID.fromString(north)), Money.of(12_350, "AUD")),
					new Posting(LedgerAccount.CASH, Money.of(-12_350, "AUD")));
			assertThat(t.transaction().postings().stream().mapToLong(p -> p.amount().minorUnits()).sum()).isZero();
		});
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(north)), "AUD")).isZero();
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(south)), "AUD")).isZero();
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(east)), "AUD")).isEqualTo(-900);
		assertThat(balance(LedgerAccount.CASH, "AUD")).isEqualTo(cashBefore - 12_350 - 678);

		// east adds its account: the next call pays east only
		f.send(put("/api/payouts/partners/" + east + "/bank-details"), STEWARD,
				"{\"bsb\":\"062-000\",\"accountNumber\":\"1\",\"accountName\":\"East\"}");
		String third = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		assertThat(JsonPath.<List<String>>read(third, "$.created[*].partnerId")).containsExactly(east);
		assertThat(JsonPath.<List<String>>read(f.send(get("/api/payouts/periods/" + f.period + "/batches"), STEWARD, ""),
				"$[*].partnerId")).hasSize(3);
	}

	@Test
	void two_stewards_making_batches_at_once_still_make_one_per_provider() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		List<String> providers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String p = f.partner("Co-op " + i);
			f.send(put("/api/payouts/partners/" + p + "/bank-details"), STEWARD,
					"{\"bsb\":\"033-001\",\"accountNumber\":\"" + (1000 + i) + "\",\"accountName\":\"Co-op\"}");
			f.settle(ledger, "AUD", p, 1_000 + i);
			providers.add(p);
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			var calls = pool.invokeAll(java.util.Collections.<java.util.concurrent.Callable<String>>nCopies(3,
					() -> f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "")));
			int created = 0;
			for (var call : calls) {
				created += JsonPath.<List<Object>>read((String) call.get(), "$.created").size();
			}
			assertThat(created).isEqualTo(4);
		} finally {
			pool.shutdown();
		}
		String listed = f.send(get("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		assertThat(JsonPath.<List<String>>read(listed, "$[*].partnerId")).containsExactlyInAnyOrderElementsOf(providers);
		for (String reference : JsonPath.<List<String>>read(listed, "$[*].reference")) {
			assertThat(payouts(reference)).hasSize(1);
		}
	}

	@Test
	void an_aba_file_holds_every_unexported_aud_batch_and_checks_out() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		String south = f.partner("South Co-op");
		f.send(put("/api/payouts/partners/" + north + "/bank-details"), STEWARD,
				"{\"bsb\":\"033-001\",\"accountNumber\":\"123456789\",\"accountName\":\"North Co-op\"}");
		f.send(put("/api/payouts/partners/" + south + "/bank-details"), STEWARD,
				"{\"bsb\":\"082-002\",\"accountNumber\":\"42\",\"accountName\":\"South Co-op\"}");
		f.settle(ledger, "AUD", north, 100_000, south, 2_501);
		f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");

		String export = f.send(post("/api/payouts/periods/" + f.period + "/exports/ABA"), STEWARD, "");
		assertThat(JsonPath.<Integer>read(export, "$.batches")).isEqualTo(2);
		assertThat(JsonPath.<String>read(export, "$.total")).isEqualTo("1025.01");
		String file = mvc.perform(get(JsonPath.<String>read(export, "$.download")).with(STEWARD)).andReturn().getResponse()
				.getContentAsString();
		assertThat(AbaValidator.problems(file)).isEmpty();
		String[] records = file.split("\r\n");
		assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(120));
		assertThat(records[4].substring(30, 40)).isEqualTo("0000102501");
		assertThat(records[4].substring(40, 50)).isEqualTo("0000102501");
		assertThat(records[4].substring(74, 80)).isEqualTo("000003");

		assertThat(JsonPath.<List<String>>read(f.send(get("/api/payouts/periods/" + f.period + "/batches"), STEWARD, ""),
				"$[*].status")).containsOnly("EXPORTED");
		// nothing is left to export, so a second file is refused rather than paying twice
		assertThat(mvc.perform(post("/api/payouts/periods/" + f.period + "/exports/ABA").with(STEWARD)).andReturn().getResponse()
				.getStatus()).isEqualTo(409);
		// every download is the same bytes
		assertThat(mvc.perform(get(JsonPath.<String>read(export, "$.download")).with(STEWARD)).andReturn().getResponse()
				.getContentAsString()).isEqualTo(file);
	}

	@Test
	void an_exported_batch_never_changes_and_a_reversal_is_the_way_to_correct_it() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		f.send(put("/api/payouts/partners/" + north + "/bank-details"), STEWARD,
				"{\"bsb\":\"033-001\",\"accountNumber\":\"1234\",\"accountName\":\"North Co-op\"}");
		f.settle(ledger, "AUD", north, 5_000);
		String made = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		long batch = ((Number) JsonPath.read(made, "$.created[0].id")).longValue();
		f.send(post("/api/payouts/periods/" + f.period + "/exports/ABA"), STEWARD, "");

		assertThatThrownBy(() -> jdbc.sql("update payout_batch set amount_minor = 1 where id = :id").param("id", batch).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("update payout_batch set bsb = '999-999' where id = :id").param("id", batch).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("update payout_batch set status = 'CREATED' where id = :id").param("id", batch).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot move from EXPORTED to CREATED");
		assertThatThrownBy(() -> jdbc.sql("delete from payout_batch where id = :id").param("id", batch).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be deleted");
		assertThatThrownBy(() -> jdbc.sql("update payout_export set content = 'x'").update())
				.isInstanceOf(DataAccessException.class);
		// the bank details changing later does not touch the batch
		f.send(put("/api/payouts/partners/" + north + "/bank-details"), STEWARD,
				"{\"bsb\":\"062-000\",\"accountNumber\":\"999\",\"accountName\":\"North Co-op\"}");
		assertThat(JsonPath.<List<String>>read(f.send(get("/api/payouts/periods/" + f.period + "/batches"), STEWARD, ""),
				"$[*].account")).containsExactly("…234");

		String reversed = f.send(post("/api/payouts/batches/" + batch + "/reversal"), STEWARD,
				"{\"why\":\"The bank returned it: account closed\"}");
		assertThat(JsonPath.<String>read(reversed, "$.status")).isEqualTo("REVERSED");
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(north)), "AUD")).isEqualTo(-5_000);
		assertThat(mvc.perform(post("/api/payouts/batches/" + batch + "/reversal").with(STEWARD)
				.contentType("application/json").content("{\"why\":\"again\"}")).andReturn().getResponse().getStatus()).isEqualTo(409);

		// the period can now be paid again, to the new account, under a new reference
		String again = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		assertThat(JsonPath.<String>read(again, "$.created[0].reference")).endsWith("-2");
		assertThat(JsonPath.<String>read(again, "$.created[0].account")).isEqualTo("…999");
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(north)), "AUD")).isZero();
	}

	@Test
	void a_european_region_pays_in_eur_with_a_schema_valid_pain_001() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String hs = f.partner("Hostsharing eG");
		String other = f.partner("Gemeinschaft & Söhne");
		f.send(put("/api/payouts/partners/" + hs + "/bank-details"), STEWARD,
				"{\"iban\":\"DE02 1203 0000 0000 2020 51\",\"bic\":\"BYLADEM1001\",\"accountHolder\":\"Hostsharing eG\"}");
		f.send(put("/api/payouts/partners/" + other + "/bank-details"), STEWARD,
				"{\"iban\":\"NL91ABNA0417164300\",\"bic\":\"ABNANL2A\",\"accountHolder\":\"Gemeinschaft & Söhne eG\"}");
		f.settle(ledger, "EUR", hs, 31_415, other, 1);
		f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		// AUD files take only AUD batches
		assertThat(mvc.perform(post("/api/payouts/periods/" + f.period + "/exports/ABA").with(STEWARD)).andReturn().getResponse()
				.getStatus()).isEqualTo(409);

		String export = f.send(post("/api/payouts/periods/" + f.period + "/exports/pain001"), STEWARD, "");
		String xml = mvc.perform(get(JsonPath.<String>read(export, "$.download")).with(STEWARD)).andReturn().getResponse()
				.getContentAsString();
		assertThat(Pain001.problems(xml)).isEmpty();
		assertThat(xml).contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>314.16</CtrlSum>")
				.contains("<IBAN>DE02120300000000202051</IBAN>").contains("<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>")
				.contains("<IBAN>DE89370400440532013000</IBAN>");
		assertThat(balance(LedgerAccount.providerPayable(UUID.fromString(hs)), "EUR")).isZero();
	}

	@Test
	void a_stored_file_that_no_longer_checks_out_is_not_handed_out() throws Exception {
		// stored files never change, so a bad one could only come from an earlier, faulty writer: store one directly
		long id = jdbc.sql("insert into payout_export (period, format, currency, batches, total_minor, content, sha256, created_by) "
				+ "values ('2999-01', 'ABA', 'AUD', 1, 5, :content, :sha, 'test') returning id")
				.param("content", "0 broken\r\n").param("sha", PayoutFiles.sha256("0 broken\r\n")).query(Long.class).single();
		var response = mvc.perform(get("/api/payouts/exports/" + id + "/file").with(STEWARD)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString()).contains("fails its check").contains("not 120");
	}
}
