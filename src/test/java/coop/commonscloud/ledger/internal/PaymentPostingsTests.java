package coop.commonscloud.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coop.commonscloud.billing.PaymentReceived;
import coop.commonscloud.billing.PaymentRefunded;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.settlement.internal.SettlementTestSources;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Billing's payments and refunds reach the ledger once each, however often their events arrive. */
@SpringBootTest
@Import(SettlementTestSources.class)
class PaymentPostingsTests {

	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	Ledger ledger;
	@Autowired
	JdbcClient jdbc;

	List<PostedTransaction> postedFor(Cause.Kind kind, UUID reference) {
		return ledger.journal().stream().filter(t -> t.transaction().cause().equals(new Cause(kind, reference.toString()))).toList();
	}

	@Test
	void a_payment_and_its_refund_are_posted_once_each() {
		UUID person = UUID.randomUUID();
		UUID payment = UUID.randomUUID();
		UUID refund = UUID.randomUUID();
		PaymentReceived received = new PaymentReceived(payment, person, Money.of(4000, "AUD"), LocalDate.of(2026, 10, 3),
				"manual", "cash-" + payment);
		PaymentRefunded refunded = new PaymentRefunded(refund, payment, person, Money.of(1500, "AUD"), LocalDate.of(2026, 10, 9),
				"Moved away");
		transactions.executeWithoutResult(s -> events.publishEvent(received));
		transactions.executeWithoutResult(s -> events.publishEvent(received)); // delivered again
		transactions.executeWithoutResult(s -> events.publishEvent(refunded));

		await().atMost(Duration.ofSeconds(30)).until(() -> postedFor(Cause.Kind.REFUND, refund).size() == 1
				&& postedFor(Cause.Kind.PAYMENT, payment).size() == 1);
		transactions.executeWithoutResult(s -> events.publishEvent(refunded));
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like :ref")
						.param("ref", "%" + refund + "%").query(Long.class).single() == 0);

		assertThat(postedFor(Cause.Kind.PAYMENT, payment)).hasSize(1);
		assertThat(postedFor(Cause.Kind.REFUND, refund)).hasSize(1);
		PostedTransaction paid = postedFor(Cause.Kind.PAYMENT, payment).get(0);
		assertThat(paid.transaction().date()).isEqualTo(LocalDate.of(2026, 10, 3));
		assertThat(legs(paid)).isEqualTo(Map.of(LedgerAccount.CASH.name(), 4000L, LedgerAccount.UNSETTLED_PAYMENTS.name(), -4000L));
		assertThat(legs(postedFor(Cause.Kind.REFUND, refund).get(0)))
				.isEqualTo(Map.of(LedgerAccount.CASH.name(), -1500L, LedgerAccount.UNSETTLED_PAYMENTS.name(), 1500L));
	}

	@Test
	void the_database_refuses_a_second_posting_of_the_same_payment() {
		UUID payment = UUID.randomUUID();
		insert("PAYMENT", payment.toString());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> insert("PAYMENT", payment.toString()))
				.isInstanceOf(DataAccessException.class).hasMessageContaining("ledger_transaction_cause_once");
		assertThat(postedFor(Cause.Kind.PAYMENT, payment)).hasSize(1);
	}

	private void insert(String kind, String reference) {
		transactions.executeWithoutResult(s -> {
			long tx = jdbc.sql("insert into ledger_transaction (entry_date, cause_kind, cause_reference, description, posted_by) "
					+ "values (date '2026-10-01', :kind, :ref, 'raw', 'test') returning id")
					.param("kind", kind).param("ref", reference).query(Long.class).single();
			for (long amount : new long[] {100, -100}) {
				jdbc.sql("insert into ledger_posting (transaction_id, account, currency, amount_minor) values (:tx, :account, 'AUD', :amount)")
						.param("tx", tx).param("account", amount > 0 ? "Assets:Cash" : "Liabilities:UnsettledPayments")
						.param("amount", amount).update();
			}
		});
	}

	static Map<String, Long> legs(PostedTransaction t) {
		return t.transaction().postings().stream().collect(Collectors.toMap(p -> p.account().name(), p -> p.amount().minorUnits()));
	}
}
