package coop.commonscloud.settlement.internal;

import coop.commonscloud.billing.Payments;
import coop.commonscloud.metering.Usage;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import coop.commonscloud.settlement.internal.SettlementStore.Line;
import coop.commonscloud.settlement.internal.SettlementStore.LineKind;
import coop.commonscloud.settlement.internal.SettlementStore.Run;
import coop.commonscloud.settlement.internal.domain.Allocating.PersonAllocation;
import coop.commonscloud.settlement.internal.domain.Allocating.Share;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import coop.commonscloud.settlement.internal.domain.SettlementRules;
import java.time.YearMonth;
import java.util.ArrayList;
import coop.commonscloud.ledger.OperatingCurrency;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settling a period: preview (computes everything, stores nothing), then post.
 *
 * <p>Posting is a job that is idempotent per period and resumes after a crash. It reads the period's
 * payments and usage once, then splits people in person-id order in chunks; each chunk's lines and
 * the checkpoint (the last person done) are committed together, so a rerun after a crash skips the
 * people already stored and continues. The ledger transaction is posted once, at the end, from the
 * stored lines, in the same database transaction that marks the run posted; the unique period of
 * {@code settlement_run} and the unique cause of settlement ledger transactions make a second
 * posting impossible. Posted is final: corrections are reversals in a later period.
 */
@Service
class SettlingPeriod {

	private static final Logger log = LoggerFactory.getLogger(SettlingPeriod.class);
	static final int SAMPLE_STATEMENTS = 5;

	private final ObjectProvider<Payments> payments;
	private final ObjectProvider<Usage> usage;
	private final ProviderDirectory directory;
	private final RulesInForce parameters;
	private final SettlementStore store;
	private final Ledger ledger;
	private final Caller caller;
	private final TransactionTemplate transactions;
	private final Currency currency;
	private final Clock clock;

	/** The zone settlement's months are counted in, here and on the pages. */
	static final ZoneOffset ZONE = ZoneOffset.UTC;
	/** People per committed chunk; tests make it small. */
	volatile int chunkSize;
	private final Set<YearMonth> running = ConcurrentHashMap.newKeySet();
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "settlement");
		t.setDaemon(true);
		return t;
	});
	/** Called after each committed chunk with the chunk's number; tests use it to break a run. */
	volatile IntConsumer afterChunk = chunk -> {
	};

	SettlingPeriod(ObjectProvider<Payments> payments, ObjectProvider<Usage> usage, ProviderDirectory directory,
			RulesInForce parameters, SettlementStore store, Ledger ledger, Caller caller,
			TransactionTemplate transactions, OperatingCurrency currency, Clock clock,
			@Value("${commonscloud.settlement.chunk-size:1000}") int chunkSize) {
		this.payments = payments;
		this.usage = usage;
		this.directory = directory;
		this.parameters = parameters;
		this.store = store;
		this.ledger = ledger;
		this.caller = caller;
		this.transactions = transactions;
		this.currency = currency.currency();
		this.clock = clock;
		this.chunkSize = chunkSize;
	}

	/** Whether billing's and metering's data sources are present (they are other modules' beans). */
	boolean sourcesAvailable() {
		return payments.getIfUnique() != null && usage.getIfUnique() != null;
	}

	private PeriodInputs read(YearMonth period, ProviderDirectory.Snapshot snapshot, SettlementRules rules) {
		Payments p = payments.getIfUnique();
		Usage u = usage.getIfUnique();
		if (p == null || u == null) {
			throw new Conflict("There is no payment or usage data source: the billing and metering modules provide them");
		}
		return PeriodInputs.read(period, p, u, snapshot, rules.weighting(), currency);
	}

	static void requirePeriod(YearMonth period) {
		if (period == null) {
			throw new InvalidInput("Choose a period (a month such as 2026-10)");
		}
	}

	/** The month under way now, in settlement's zone. */
	YearMonth currentPeriod() {
		return YearMonth.now(clock.withZone(ZONE));
	}

	/** Only a month that has ended is posted: its payments and usage are complete. */
	void requireEnded(YearMonth period) {
		requirePeriod(period);
		if (!period.isBefore(currentPeriod())) {
			throw new InvalidInput("The settlement of " + period + " can be posted once the month has ended; "
					+ "preview it meanwhile");
		}
	}

	/** A person's split as a statement shows it. */
	record Statement(UUID person, Money net, List<String> parts) {
	}

	record Preview(YearMonth period, String parameters, PeriodTotals.Result result, List<Statement> samples) {
	}

	/** Computes the period's settlement without storing anything. */
	Preview preview(YearMonth period) {
		caller.requireSteward();
		requirePeriod(period);
		RulesInForce.Read read = parameters.rulesFor(period);
		ProviderDirectory.Snapshot snapshot = directory.snapshot();
		PeriodInputs inputs = read(period, snapshot, read.rules());
		PeriodTotals totals = new PeriodTotals(currency);
		List<Statement> samples = new ArrayList<>();
		for (int i = 0; i < inputs.people.length; i++) {
			PersonAllocation a = inputs.allocate(i, inputs.providerWeights, read.rules());
			totals.add(a);
			if (samples.size() < SAMPLE_STATEMENTS) {
				samples.add(statement(a, lines(a, inputs, snapshot, read.rules()), snapshot));
			}
		}
		return new Preview(period, read.recorded(), totals.finish(snapshot::settlerRun, store.payees(), read.rules()), samples);
	}

	/** Starts (or resumes) posting the period in the background; returns at once. */
	void start(YearMonth period) {
		caller.requireSteward();
		requireEnded(period);
		if (!sourcesAvailable()) {
			throw new Conflict("There is no payment or usage data source: the billing and metering modules provide them");
		}
		if (store.find(period).filter(r -> r.status() == SettlementStore.Status.POSTED).isPresent()) {
			throw new Conflict("The settlement of " + period + " is already posted; corrections are reversals in a later period");
		}
		if (!running.add(period)) {
			return; // already running here: the page shows its progress
		}
		executor.execute(new DelegatingSecurityContextRunnable(() -> {
			try {
				settle(period);
			} catch (RuntimeException e) {
				log.warn("The settlement of {} stopped; starting it again resumes it: {}", period, e.getMessage());
			} finally {
				running.remove(period);
			}
		}));
	}

	boolean isRunning(YearMonth period) {
		return running.contains(period);
	}

	/**
	 * Posts the period, resuming an interrupted run. Running it again for a posted period changes
	 * nothing and returns the posted run.
	 */
	Run settle(YearMonth period) {
		caller.requireSteward();
		requireEnded(period);
		Optional<Run> existing = store.find(period);
		if (existing.isPresent() && existing.get().status() == SettlementStore.Status.POSTED) {
			return existing.get();
		}
		ProviderDirectory.Snapshot snapshot = directory.snapshot();
		Run run;
		PeriodInputs inputs;
		SortedMap<UUID, Long> fallbackWeights;
		if (existing.isPresent()) {
			run = existing.get();
			inputs = read(period, snapshot, run.rules());
			fallbackWeights = store.providerWeights(run.id());
			log.info("Resuming the settlement of {} after {} of {} people", period, run.peopleDone(), run.peopleTotal());
		} else {
			RulesInForce.Read read = parameters.rulesFor(period);
			inputs = read(period, snapshot, read.rules());
			UUID id = UUID.randomUUID();
			PeriodInputs in = inputs;
			transactions.executeWithoutResult(s -> store.create(id, period, currency, caller.actor(), in.people.length,
					read.rules(), read.recorded(), in.providerWeights));
			run = store.find(period).orElseThrow();
			fallbackWeights = inputs.providerWeights;
		}
		int start = 0;
		if (run.checkpoint() != null) {
			while (start < inputs.people.length
					&& PeriodInputs.PERSON_ORDER.compare(inputs.people[start], run.checkpoint()) <= 0) {
				start++;
			}
		}
		int chunk = run.peopleDone() / Math.max(1, chunkSize);
		for (int from = start; from < inputs.people.length; from += chunkSize) {
			int to = Math.min(inputs.people.length, from + chunkSize);
			List<Line> lines = new ArrayList<>();
			for (int i = from; i < to; i++) {
				lines.addAll(lines(inputs.allocate(i, fallbackWeights, run.rules()), inputs, snapshot, run.rules()));
			}
			UUID runId = run.id();
			int people = to - from;
			UUID last = inputs.people[to - 1];
			transactions.executeWithoutResult(s -> store.writeChunk(runId, lines, people, last));
			afterChunk.accept(++chunk);
		}
		return post(run, snapshot);
	}

	private Run post(Run run, ProviderDirectory.Snapshot snapshot) {
		PeriodTotals.Result result = store.totals(run.id(), run.currency())
				.finish(snapshot::settlerRun, store.payees(), run.rules());
		List<Posting> postings = result.postings();
		transactions.executeWithoutResult(s -> {
			Long tx = null;
			if (postings.size() >= 2) {
				PostedTransaction posted = ledger.post(new LedgerTransaction(run.period().atEndOfMonth(),
						new Cause(Cause.Kind.SETTLEMENT_RUN, "settlement-" + run.period()),
						"Settlement of " + run.period() + ": " + result.money(result.payments()) + " from " + result.people()
								+ " people to stewardship, " + result.providers().size() + " providers, land-back and the commons fund",
						postings));
				tx = posted.id();
			}
			store.markPosted(run.id(), result, tx);
		});
		log.info("Posted the settlement of {}: {} from {} people", run.period(), result.money(result.payments()), result.people());
		return store.find(run.period()).orElseThrow();
	}

	/** The lines stored for one person: the stewardship line first (always), then providers or the fund. */
	static List<Line> lines(PersonAllocation a, PeriodInputs inputs, ProviderDirectory.Snapshot snapshot,
			SettlementRules rules) {
		List<Line> lines = new ArrayList<>(a.shares().size() + 1);
		int n = 0;
		lines.add(new Line(a.person(), n++, LineKind.STEWARDSHIP, null, a.stewardship().minorUnits(), 0, null));
		for (Share s : a.shares()) {
			lines.add(new Line(a.person(), n++, s.fallback() ? LineKind.FALLBACK : LineKind.PROVIDER, s.provider(), s.amountMinor(),
					s.weight(), s.fallback() ? null : inputs.detail(a.person(), s.provider(), snapshot, rules.weighting())));
		}
		if (!a.commonsFund().isZero()) {
			lines.add(new Line(a.person(), n, LineKind.FUND, null, a.commonsFund().minorUnits(), 0, null));
		}
		return lines;
	}

	/** "28.00 to Co-op A (Nextcloud, 20 days)", ..., "4.00 to stewardship". */
	static Statement statement(PersonAllocation a, List<Line> lines, ProviderDirectory.Snapshot snapshot) {
		return new Statement(a.person(), a.net(), describe(lines, a.net().currency(), snapshot));
	}

	static List<String> describe(List<Line> lines, Currency currency, ProviderDirectory.Snapshot snapshot) {
		List<String> parts = new ArrayList<>();
		String stewardship = null;
		for (Line l : lines) {
			String amount = new Money(l.amountMinor(), currency).amount().toPlainString();
			switch (l.kind()) {
				case STEWARDSHIP -> stewardship = amount + " to the region's stewardship";
				case PROVIDER -> parts.add(amount + " to " + snapshot.partnerName(l.partner())
						+ (l.detail() == null ? "" : " (" + l.detail() + ")"));
				case FALLBACK -> parts.add(amount + " to " + snapshot.partnerName(l.partner())
						+ " (you used nothing this month: shared by all providers' usage)");
				case FUND -> parts.add(amount + " to the commons fund (you used nothing this month)");
			}
		}
		if (stewardship != null) {
			parts.add(stewardship);
		}
		return parts;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
