package coop.commonscloud.ledger.internal;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class JdbcLedger implements Ledger {

	/** What a PostgreSQL regular expression reads as more than itself: escaped, it is a literal. */
	private static final Pattern LITERAL = Pattern.compile("[^A-Za-z0-9]");

	private final JdbcClient jdbc;
	private final Caller caller;

	@Override
	@Transactional
	public PostedTransaction post(LedgerTransaction transaction) {
		return insert(transaction, null);
	}

	@Override
	@Transactional
	public PostedTransaction reverse(long transactionId, LocalDate on, String why) {
		PostedTransaction original = find(transactionId)
				.orElseThrow(() -> new NotFound("There is no ledger transaction " + transactionId));
		try {
			return insert(original.transaction().reversal(on, transactionId, why), transactionId);
		} catch (DuplicateKeyException e) {
			throw new Conflict("Ledger transaction " + transactionId + " has already been reversed");
		}
	}

	private PostedTransaction insert(LedgerTransaction t, Long reverses) {
		long id = jdbc.sql("insert into ledger_transaction (entry_date, cause_kind, cause_reference, description, posted_by, reverses) "
				+ "values (:date, :kind, :reference, :description, :by, :reverses) returning id")
				.param("date", Date.valueOf(t.date()))
				.param("kind", t.cause().kind().name())
				.param("reference", t.cause().reference())
				.param("description", t.description())
				.param("by", caller.actor())
				.param("reverses", reverses)
				.query(Long.class)
				.single();
		for (Posting p : t.postings()) {
			jdbc.sql("insert into ledger_posting (transaction_id, account, currency, amount_minor) values (:tx, :account, :currency, :amount)")
					.param("tx", id)
					.param("account", p.account().name())
					.param("currency", p.amount().currency().getCurrencyCode())
					.param("amount", p.amount().minorUnits())
					.update();
		}
		return find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<LedgerAccount, List<Money>> balances() {
		return totalsByAccount(jdbc.sql("select account, currency, sum(amount_minor) as total from ledger_posting "
				+ "group by account, currency order by account, currency"));
	}

	@Override
	@Transactional(readOnly = true)
	public Money balance(LedgerAccount account, Currency currency) {
		return new Money(jdbc.sql("select coalesce(sum(amount_minor), 0) from ledger_posting where account = :account and currency = :currency")
				.param("account", account.name())
				.param("currency", currency.getCurrencyCode())
				.query(Long.class)
				.single(), currency);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isPosted(Cause cause) {
		return jdbc.sql("select exists (select 1 from ledger_transaction where cause_kind = :kind and cause_reference = :ref)")
				.param("kind", cause.kind().name()).param("ref", cause.reference()).query(Boolean.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<LedgerAccount, List<Money>> netPostings(Cause cause) {
		return totalsByAccount(jdbc.sql("""
				with caused as (
				  select id from ledger_transaction where cause_kind = :kind and cause_reference ~ :pattern
				)
				select p.account, p.currency, sum(p.amount_minor) as total
				from ledger_posting p join ledger_transaction t on t.id = p.transaction_id
				where t.id in (select id from caused) or (t.cause_kind = 'REVERSAL' and t.reverses in (select id from caused))
				group by p.account, p.currency
				order by p.account, p.currency""")
				.param("kind", cause.kind().name())
				.param("pattern", "^" + LITERAL.matcher(cause.reference()).replaceAll("\\\\$0") + "($|[^0-9])"));
	}

	/** Reads rows of account, currency and total into each account's totals, one a currency, in the rows' order. */
	private static Map<LedgerAccount, List<Money>> totalsByAccount(JdbcClient.StatementSpec statement) {
		Map<LedgerAccount, List<Money>> totals = new LinkedHashMap<>();
		statement.query(rs -> {
			totals.computeIfAbsent(new LedgerAccount(rs.getString("account")), a -> new ArrayList<>())
					.add(Money.of(rs.getLong("total"), rs.getString("currency")));
		});
		return totals;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PostedTransaction> journal() {
		return transactions("true", Map.of());
	}

	private java.util.Optional<PostedTransaction> find(long id) {
		return transactions("t.id = :id", Map.of("id", id)).stream().findFirst();
	}

	private record Header(long id, LocalDate date, Cause cause, String description, Instant postedAt, String postedBy) {
	}

	private List<PostedTransaction> transactions(String where, Map<String, Object> params) {
		List<Header> headers = jdbc.sql("select * from ledger_transaction t where " + where + " order by t.id")
				.params(params)
				.query((rs, n) -> new Header(rs.getLong("id"), rs.getDate("entry_date").toLocalDate(),
						new Cause(Cause.Kind.valueOf(rs.getString("cause_kind")), rs.getString("cause_reference")),
						rs.getString("description"), rs.getTimestamp("posted_at").toInstant(), rs.getString("posted_by")))
				.list();
		Map<Long, List<Posting>> postings = new HashMap<>();
		jdbc.sql("select transaction_id, account, currency, amount_minor from ledger_posting "
				+ "where transaction_id in (select t.id from ledger_transaction t where " + where + ") order by id")
				.params(params)
				.query(rs -> {
					postings.computeIfAbsent(rs.getLong("transaction_id"), k -> new ArrayList<>()).add(new Posting(
							new LedgerAccount(rs.getString("account")), Money.of(rs.getLong("amount_minor"), rs.getString("currency"))));
				});
		return headers.stream()
				.map(h -> new PostedTransaction(h.id(), new LedgerTransaction(h.date(), h.cause(), h.description(),
						postings.get(h.id())), h.postedAt(), h.postedBy()))
				.toList();
	}
}
