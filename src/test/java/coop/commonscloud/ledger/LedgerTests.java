package coop.commonscloud.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class LedgerTests {

	@Autowired
	Ledger ledger;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;

	final String code = "Test" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	final LedgerAccount provider = LedgerAccount.providerPayable(code);

	LedgerTransaction payment(long cents) {
		return new LedgerTransaction(LocalDate.of(2026, 11, 1), new Cause(Cause.Kind.PAYMENT, "pay-" + code),
				"Membership payment", List.of(new Posting(LedgerAccount.CASH, Money.of(cents, "AUD")),
						new Posting(provider, Money.of(-cents, "AUD"))));
	}

	long balanceOf(LedgerAccount account) {
		return ledger.balances().getOrDefault(account, List.of()).stream().mapToLong(Money::minorUnits).sum();
	}

	@Test
	void a_balanced_transaction_is_posted_and_moves_balances() {
		PostedTransaction posted = ledger.post(payment(4000));
		assertThat(posted.id()).isPositive();
		assertThat(balanceOf(provider)).isEqualTo(-4000);
		assertThat(ledger.journal()).extracting(PostedTransaction::id).contains(posted.id());
	}

	@Test
	void an_unbalanced_transaction_is_refused_before_it_reaches_the_database() {
		assertThatThrownBy(() -> new LedgerTransaction(LocalDate.of(2026, 11, 1), new Cause(Cause.Kind.PAYMENT, "x"), "Oops",
				List.of(new Posting(LedgerAccount.CASH, Money.of(4000, "AUD")), new Posting(provider, Money.of(-3999, "AUD")))))
				.isInstanceOf(InvalidInput.class)
				.hasMessageContaining("sum to 0.01, not zero");
		assertThatThrownBy(() -> new LedgerTransaction(LocalDate.of(2026, 11, 1), new Cause(Cause.Kind.PAYMENT, "x"), "Alone",
				List.of(new Posting(LedgerAccount.CASH, Money.of(0, "AUD")))))
				.isInstanceOf(InvalidInput.class)
				.hasMessageContaining("at least two postings");
	}

	@Test
	void the_database_refuses_an_unbalanced_transaction_at_commit() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			long tx = insertTransaction();
			insertPosting(tx, "Assets:Cash", 4000);
			insertPosting(tx, provider.name(), -3999);
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			long tx = insertTransaction();
			insertPosting(tx, "Assets:Cash", 0);
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("needs at least two");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> insertTransaction()))
				.isInstanceOf(DataAccessException.class).hasMessageContaining("needs at least two");
		assertThat(jdbc.sql("select count(*) from ledger_transaction where cause_reference = :ref").param("ref", "raw-" + code)
				.query(Long.class).single()).isZero();
	}

	@Test
	void the_database_refuses_to_change_or_delete_what_was_posted() {
		PostedTransaction posted = ledger.post(payment(1000));
		assertThatThrownBy(() -> jdbc.sql("update ledger_posting set amount_minor = 0 where transaction_id = :id")
				.param("id", posted.id()).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from ledger_posting where transaction_id = :id").param("id", posted.id()).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("update ledger_transaction set description = 'changed' where id = :id")
				.param("id", posted.id()).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from ledger_transaction where id = :id").param("id", posted.id()).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate ledger_posting cascade").update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThat(balanceOf(provider)).isEqualTo(-1000);
	}

	@Test
	void a_posted_transaction_takes_no_further_postings() {
		PostedTransaction posted = ledger.post(payment(1000));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			insertPosting(posted.id(), "Assets:Cash", 500);
			insertPosting(posted.id(), provider.name(), -500);
		})).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("ledger transaction " + posted.id() + " is posted: it takes no further postings");
		assertThat(ledger.journal()).filteredOn(t -> t.id() == posted.id()).singleElement()
				.satisfies(t -> assertThat(t.transaction().postings()).hasSize(2));
		assertThat(balanceOf(provider)).isEqualTo(-1000);
	}

	@Test
	void a_transaction_takes_its_postings_in_the_database_transaction_that_writes_it_even_inside_a_savepoint() {
		TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		transactions.executeWithoutResult(outer -> {
			long tx = insertTransaction();
			insertPosting(tx, "Assets:Cash", 250);
			nested.executeWithoutResult(savepoint -> insertPosting(tx, provider.name(), -250));
			nested.executeWithoutResult(savepoint -> ledger.post(payment(300)));
		});
		assertThat(balanceOf(provider)).isEqualTo(-550);
	}

	@Test
	void a_correction_is_a_reversal_and_a_transaction_is_reversed_once() {
		PostedTransaction posted = ledger.post(payment(2500));
		PostedTransaction reversal = ledger.reverse(posted.id(), LocalDate.of(2026, 11, 2), "entered twice");
		assertThat(reversal.transaction().cause().kind()).isEqualTo(Cause.Kind.REVERSAL);
		assertThat(reversal.transaction().description()).contains("entered twice");
		assertThat(balanceOf(provider)).isZero();
		assertThatThrownBy(() -> ledger.reverse(posted.id(), LocalDate.of(2026, 11, 3), "again")).isInstanceOf(Conflict.class);
	}

	@Test
	void an_accounts_balance_in_one_currency_is_the_sum_of_its_postings() {
		assertThat(ledger.balance(provider, java.util.Currency.getInstance("AUD"))).isEqualTo(Money.of(0, "AUD"));
		ledger.post(payment(1200));
		assertThat(ledger.balance(provider, java.util.Currency.getInstance("AUD"))).isEqualTo(Money.of(-1200, "AUD"));
		assertThat(ledger.balance(provider, java.util.Currency.getInstance("EUR"))).isEqualTo(Money.of(0, "EUR"));
	}

	@Test
	void the_ledger_tells_whether_a_cause_was_posted() {
		Cause cause = payment(700).cause();
		assertThat(ledger.isPosted(cause)).isFalse();
		ledger.post(payment(700));
		assertThat(ledger.isPosted(cause)).isTrue();
	}

	@Test
	void net_postings_of_a_cause_count_its_later_parts_and_subtract_its_reversals() {
		Cause run = new Cause(Cause.Kind.SETTLEMENT_RUN, "run-" + code);
		PostedTransaction first = ledger.post(credit(run, 1000));
		ledger.post(credit(new Cause(Cause.Kind.SETTLEMENT_RUN, "run-" + code + "/2"), 300));
		ledger.post(credit(new Cause(Cause.Kind.SETTLEMENT_RUN, "run-" + code + "9"), 50_000));
		ledger.post(credit(new Cause(Cause.Kind.SETTLEMENT_RUN, "run-" + code + "/3"), 40));
		ledger.reverse(first.id(), LocalDate.of(2026, 11, 2), "wrong amount");
		assertThat(ledger.netPostings(run)).containsEntry(provider, List.of(Money.of(-340, "AUD")))
				.containsEntry(LedgerAccount.UNSETTLED_PAYMENTS, List.of(Money.of(340, "AUD")));
	}

	private LedgerTransaction credit(Cause cause, long cents) {
		return new LedgerTransaction(LocalDate.of(2026, 11, 1), cause, "Settlement", List.of(
				new Posting(LedgerAccount.UNSETTLED_PAYMENTS, Money.of(cents, "AUD")), new Posting(provider, Money.of(-cents, "AUD"))));
	}

	private long insertTransaction() {
		return jdbc.sql("insert into ledger_transaction (entry_date, cause_kind, cause_reference, description, posted_by) "
				+ "values (date '2026-11-01', 'PAYMENT', :ref, 'raw insert', 'test') returning id")
				.param("ref", "raw-" + code).query(Long.class).single();
	}

	private void insertPosting(long tx, String account, long amount) {
		jdbc.sql("insert into ledger_posting (transaction_id, account, currency, amount_minor) values (:tx, :account, 'AUD', :amount)")
				.param("tx", tx).param("account", account).param("amount", amount).update();
	}
}
