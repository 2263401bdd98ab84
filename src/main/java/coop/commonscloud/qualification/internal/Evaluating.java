package coop.commonscloud.qualification.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.infrastructure.InfrastructureParameters;
import coop.commonscloud.infrastructure.OutageEndurance;
import coop.commonscloud.infrastructure.PowerSupplies;
import coop.commonscloud.infrastructure.RenewableShare;
import coop.commonscloud.infrastructure.Resilience;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.QualificationParameters;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.internal.domain.Declaration;
import coop.commonscloud.qualification.internal.domain.ExcludedHost;
import coop.commonscloud.qualification.internal.domain.PartnerFacts;
import coop.commonscloud.qualification.internal.domain.PartnerRules;
import coop.commonscloud.qualification.internal.domain.ServerFacts;
import coop.commonscloud.qualification.internal.domain.ServerRules;
import coop.commonscloud.qualification.internal.domain.ServiceRules;
import coop.commonscloud.qualification.internal.domain.SubjectVerdict;
import coop.commonscloud.qualification.internal.domain.Thresholds;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every criterion for a partner, its offerings and its servers from the other modules'
 * public APIs, records each verdict with the parameter values and evidence it used, and keeps the
 * partner's sanction cases in step.
 */
@Service
class Evaluating {

	private static final Logger log = LoggerFactory.getLogger(Evaluating.class);

	private final QualificationStore store;
	private final ThresholdsInForce parameters;
	private final Sanctions sanctions;
	private final Partners partners;
	private final Servers servers;
	private final Sites sites;
	private final Telemetry telemetry;
	private final PowerSupplies supplies;
	private final Resilience resilience;
	private final Catalogue catalogue;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Evaluating(QualificationStore store, ThresholdsInForce parameters, Sanctions sanctions, Partners partners,
			Servers servers, Sites sites, Telemetry telemetry, PowerSupplies supplies, Resilience resilience, Catalogue catalogue,
			PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.parameters = parameters;
		this.sanctions = sanctions;
		this.partners = partners;
		this.servers = servers;
		this.sites = sites;
		this.telemetry = telemetry;
		this.supplies = supplies;
		this.resilience = resilience;
		this.catalogue = catalogue;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Evaluates one partner now, in a transaction of its own; {@code cause} says why (an event, the
	 * schedule, a person). Returns the partner criteria's verdicts.
	 */
	Map<Criterion, Verdict> evaluate(PartnerId partnerId, String cause) {
		return transaction.execute(status -> evaluateInTransaction(partnerId, cause));
	}

	private Map<Criterion, Verdict> evaluateInTransaction(PartnerId partnerId, String cause) {
		store.lockPartner(partnerId.value());
		Instant now = Instant.now(clock);
		Thresholds t = parameters.at(now);
		Partner partner = partners.get(partnerId);
		List<ExcludedHost> excluded = store.excludedHosts();
		List<SubjectVerdict> derived = new ArrayList<>();
		Map<RegionSlug, List<ServerLocality>> localities = new HashMap<>();
		Map<SiteId, OutageEndurance> endurances = new HashMap<>();
		Map<UUID, String> serverNames = new HashMap<>();

		for (Server server : servers.ofPartner(partnerId)) {
			serverNames.put(server.id().value(), server.details().name());
			ServerFacts facts = serverFacts(server, now, localities, endurances);
			Map<String, Object> inputs = inputs(Map.of(QualificationParameters.MINIMUM_RENEWABLE_SHARE.name(), t.minimumRenewableShare(),
					InfrastructureParameters.OUTAGE_ENDURANCE.name(), facts.endurance() == null ? "not simulated" : facts.endurance().enduranceHours()),
					Map.of("server", facts, "excludedHosts", excluded));
			record(partnerId, Criterion.LOCAL, server.id().value(), ServerRules.local(facts, excluded), inputs, cause, derived, "Server " + facts.name());
			record(partnerId, Criterion.RENEWABLES, server.id().value(), ServerRules.renewables(facts, t.minimumRenewableShare()), inputs, cause, derived, "Server " + facts.name());
			record(partnerId, Criterion.RESILIENT_FALLBACK, server.id().value(), ServerRules.resilientFallback(facts), inputs, cause, derived, "Server " + facts.name());
		}
		for (Offering offering : catalogue.offeringsOf(partnerId)) {
			Application app = catalogue.getApplication(offering.details().application());
			String name = app.details().name() + " on " + serverNames.getOrDefault(offering.details().server().value(), "another server");
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("application", app.details().name());
			facts.put("licence", app.details().licence());
			facts.put("licenceVerdict", app.licenceVerdict());
			facts.put("coveredByLoRes", app.details().coveredByLoRes());
			facts.put("audience", offering.details().audience());
			facts.put("lowResOptionAvailable", offering.details().lowResOptionAvailable());
			facts.put("lowResOptionRecommended", offering.details().lowResOptionRecommended());
			Map<String, Object> inputs = inputs(Map.of(), facts);
			record(partnerId, Criterion.FOSS, offering.id().value(), ServiceRules.foss(app.details().name(), app.details().licence(),
					app.licenceVerdict().free(), app.licenceVerdict().reasons()), inputs, cause, derived, "Offering " + name);
			record(partnerId, Criterion.LORES, offering.id().value(), ServiceRules.lowRes(app.details().name(),
					app.details().coveredByLoRes(), offering.details().audience() == Audience.GENERAL_PUBLIC,
					offering.details().lowResOptionAvailable(), offering.details().lowResOptionRecommended()), inputs, cause, derived,
					"Offering " + name);
		}

		List<QualificationStore.EvidenceRow> evidence = store.evidenceOf(partnerId.value());
		Optional<Declaration> declaration = store.latestDeclaration(partnerId.value());
		boolean settlerRun = partners.settlerRun(partnerId);
		PartnerFacts facts = new PartnerFacts(partner.structure() == Structure.REGISTERED_COOPERATIVE,
				partner.registrationNumber(), declaration, evidence.stream().map(QualificationStore.EvidenceRow::item).toList(),
				settlerRun, derived, now);
		Map<Criterion, Verdict> verdicts = PartnerRules.evaluate(facts, t);
		Map<String, Object> partnerFacts = new LinkedHashMap<>();
		partnerFacts.put("structure", partner.structure());
		partnerFacts.put("registrationNumber", partner.registrationNumber());
		partnerFacts.put("declaration", declaration.map(d -> Map.of("id", d.id(), "year", d.year(), "declaredAt", d.declaredAt().toString()))
				.orElse(null));
		partnerFacts.put("evidence", evidence.stream().map(e -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", e.id());
			m.put("requirement", e.requirement());
			m.put("submittedAt", e.submittedAt().toString());
			m.put("review", e.review());
			m.put("reviewedBy", e.reviewedBy());
			return m;
		}).toList());
		partnerFacts.put("settlerRun", settlerRun);
		Map<String, Object> inputs = inputs(t.byKey(), partnerFacts);
		verdicts.forEach((criterion, verdict) -> store.insertEvaluation(partnerId.value(), criterion, partnerId.value(),
				verdict.code(), verdict.reasons(), inputs, cause));
		sanctions.sync(partnerId.value(), verdicts, t.remedyPeriodDays());
		return verdicts;
	}

	/** Evaluates every partner; one partner's failure is logged and does not stop the others. */
	int evaluateAll(String cause) {
		int done = 0;
		for (int page = 0;; page++) {
			Paged<Partner> batch = partners.list(new Paged.Request(page, Paged.MAX_SIZE));
			for (Partner p : batch.items()) {
				try {
					evaluate(p.id(), cause);
					done++;
				} catch (RuntimeException e) {
					log.error("Could not evaluate partner {} ({})", p.id(), cause, e);
				}
			}
			if (page + 1 >= batch.totalPages()) {
				return done;
			}
		}
	}

	private void record(PartnerId partner, Criterion criterion, UUID subject, Verdict verdict, Map<String, Object> inputs,
			String cause, List<SubjectVerdict> derived, String name) {
		store.insertEvaluation(partner.value(), criterion, subject, verdict.code(), verdict.reasons(), inputs, cause);
		derived.add(new SubjectVerdict(name, criterion, verdict));
	}

	private static Map<String, Object> inputs(Map<String, Object> parameters, Object facts) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("parameters", parameters);
		m.put("facts", facts);
		return m;
	}

	private ServerFacts serverFacts(Server server, Instant now, Map<RegionSlug, List<ServerLocality>> localities,
			Map<SiteId, OutageEndurance> endurances) {
		ServerDetails d = server.details();
		Optional<Site> site = d.site() == null ? Optional.empty() : sites.find(d.site());
		Optional<ServerFacts.LocalityFacts> locality = site.flatMap(s -> localities
				.computeIfAbsent(s.region(), servers::inRegion).stream().filter(l -> l.server().id().equals(server.id()))
				.findFirst()).flatMap(l -> Optional.ofNullable(l.locality()))
				.map(l -> new ServerFacts.LocalityFacts(l.inside(), l.distanceToBoundaryMetres(), l.allowanceMetres(), l.qualifies()));
		RenewableShare share = telemetry.renewableShareOfServer(server.id(), now);
		String supply = site.flatMap(s -> supplies.current(s.id())).map(p -> p.kind().label()
				+ (p.installationName() == null ? "" : ": " + p.installationName())).orElse(null);
		ServerFacts.EnduranceFacts endurance = null;
		// simulated for every regional server with a site, due or not, so the public page can show it
		if (site.isPresent() && !d.role().offSite()) {
			OutageEndurance e = endurances.computeIfAbsent(site.get().id(), id -> resilience.enduranceOf(id, Set.of(), now));
			endurance = new ServerFacts.EnduranceFacts(e.outcome().name(), e.lowestStateOfChargeWh(), e.endurance().toHours(),
					e.explanation());
		}
		return new ServerFacts(d.name(), d.role().offSite(), d.role().label(), d.hostingCompany(), d.asn(), locality,
				share.sharePercent(), share.windowFrom(), share.windowTo(), share.firstReading(), share.lastReading(),
				share.fullyRenewableDays(), supply, endurance, now);
	}
}
