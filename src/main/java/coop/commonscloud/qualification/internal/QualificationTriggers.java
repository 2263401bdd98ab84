package coop.commonscloud.qualification.internal;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.CatalogueChanged;
import coop.commonscloud.infrastructure.PowerSupplyDeclared;
import coop.commonscloud.infrastructure.ServerChanged;
import coop.commonscloud.infrastructure.ServerRegistered;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.infrastructure.TelemetryRecorded;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.parameters.ParameterChanged;
import coop.commonscloud.partners.PartnerChanged;
import coop.commonscloud.partners.PartnerRegistered;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.DeclarationSubmitted;
import coop.commonscloud.qualification.EvidenceReviewed;
import coop.commonscloud.region.RegionBoundaryChanged;
import coop.commonscloud.region.SiteChanged;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates when what the criteria read changes: evidence, declarations, a partner's details,
 * servers, sites, their power-supply declarations, telemetry, the catalogue, parameters, a region's
 * boundary. Each runs after the change committed, through Modulith's event registry.
 */
@Component
@RequiredArgsConstructor
class QualificationTriggers {

	private final Evaluating evaluating;
	private final Servers servers;
	private final Sites sites;
	private final Catalogue catalogue;

	@ApplicationModuleListener
	void on(EvidenceReviewed e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "evidence " + e.evidence() + (e.approved() ? " approved" : " rejected")));
	}

	@ApplicationModuleListener
	void on(Submissions.EvidenceSubmitted e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "evidence " + e.evidence() + " submitted"));
	}

	@ApplicationModuleListener
	void on(DeclarationSubmitted e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "financial declaration for " + e.year() + " submitted"));
	}

	@ApplicationModuleListener
	void on(PartnerRegistered e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "partner registered"));
	}

	@ApplicationModuleListener
	void on(PartnerChanged e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "partner's details changed"));
	}

	@ApplicationModuleListener
	void on(ServerRegistered e) {
		reevaluating(e, () -> evaluating.evaluate(e.partner(), "server " + e.server() + " registered"));
	}

	@ApplicationModuleListener
	void on(ServerChanged e) {
		reevaluating(e, () -> bothPartners(e.partner(), e.formerPartner(), "server " + e.server() + " changed"));
	}

	@ApplicationModuleListener
	void on(SiteChanged e) {
		reevaluating(e, () -> partnersOfSite(e.partner(), e.formerPartner(), "site " + e.site() + " changed"));
	}

	@ApplicationModuleListener
	void on(PowerSupplyDeclared e) {
		reevaluating(e, () -> partnersOfSite(e.partner(), null,
				"power supply of site " + e.site() + " declared: " + e.kind().label()));
	}

	@ApplicationModuleListener
	void on(ParameterChanged e) {
		reevaluating(e, () -> evaluating.evaluateAll("parameter " + e.key() + " set to " + e.value() + " from " + e.effectiveFrom()));
	}

	@ApplicationModuleListener
	void on(TelemetryRecorded e) {
		reevaluating(e, () -> {
			String cause = "telemetry of " + e.source() + " recorded for " + e.firstDay() + " to " + e.lastDay();
			if (e.source().kind() == TelemetrySource.Kind.SERVER) {
				servers.find(new ServerId(e.source().id())).ifPresent(s -> evaluating.evaluate(s.details().partner(), cause));
			} else {
				sites.find(new SiteId(e.source().id())).ifPresent(site -> {
					if (site.partner() != null) {
						evaluating.evaluate(site.partner(), cause);
					} else {
						evaluating.evaluateAll(cause); // a site of the region's own: its servers may be anyone's
					}
				});
			}
		});
	}

	@ApplicationModuleListener
	void on(CatalogueChanged e) {
		reevaluating(e, () -> {
			String cause = "catalogue changed";
			if (e.offering() != null) {
				catalogue.findOffering(e.offering()).ifPresent(o -> evaluating.evaluate(o.details().partner(), cause + ": offering " + e.offering()));
			} else {
				evaluating.evaluateAll(cause); // an application or the liberatory list: any partner's offerings may be affected
			}
		});
	}

	@ApplicationModuleListener
	void on(RegionBoundaryChanged e) {
		reevaluating(e, () -> {
			String cause = "boundary of region " + e.region().value() + " changed";
			servers.inRegion(e.region()).stream().map(l -> l.server().details().partner()).distinct()
					.forEach(partner -> evaluating.evaluate(partner, cause)); // their servers' locality verdicts
		});
	}

	/** A site's change concerns its partner (and a former one); a site of the region's own may host anyone's servers. */
	private void partnersOfSite(PartnerId partner, PartnerId former, String cause) {
		if (partner == null && former == null) {
			evaluating.evaluateAll(cause);
		} else {
			bothPartners(partner, former, cause);
		}
	}

	/** A change that may move a server or site from one partner to another concerns both. */
	private void bothPartners(PartnerId partner, PartnerId former, String cause) {
		if (partner != null) {
			evaluating.evaluate(partner, cause);
		}
		if (former != null && !former.equals(partner)) {
			evaluating.evaluate(former, cause);
		}
	}

	/**
	 * Runs the re-evaluation and lets its failure propagate: Modulith's event publication registry then
	 * leaves the event's publication incomplete, and, with
	 * {@code spring.modulith.events.republish-outstanding-events-on-restart=true}, delivers it again when
	 * the application restarts.
	 * {@link Evaluating#evaluateAll} still logs and skips a single partner that fails, so that one partner
	 * does not hold up the others; the daily schedule evaluates everyone again.
	 */
	private void reevaluating(Object event, Runnable evaluation) {
		evaluation.run();
	}
}
