package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.CatalogueChanged;
import coop.commonscloud.catalogue.LicenceVerdict;
import coop.commonscloud.catalogue.Licences;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class CatalogueService implements Catalogue {

	private final CatalogueStore store;
	private final Licences licences;
	private final Servers servers;
	private final Partners partners;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional
	public Application addApplication(ApplicationDetails details) {
		caller.requireSteward();
		licences.evaluate(details.licence()); // refuses text that is no SPDX expression; a non-free licence is allowed and shown
		ApplicationId id = new ApplicationId(UUID.randomUUID());
		try {
			store.insertApplication(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("The catalogue already has an application named '" + details.name() + "'");
		}
		events.publishEvent(new CatalogueChanged(id, null, null, Instant.now(clock)));
		return getApplication(id);
	}

	@Override
	@Transactional
	public Application updateApplication(ApplicationId id, ApplicationDetails details) {
		caller.requireSteward();
		getApplication(id);
		licences.evaluate(details.licence());
		try {
			store.updateApplication(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("The catalogue already has an application named '" + details.name() + "'");
		}
		events.publishEvent(new CatalogueChanged(id, null, null, Instant.now(clock)));
		return getApplication(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Application> findApplication(ApplicationId id) {
		return store.findApplication(id).map(this::judged);
	}

	@Override
	@Transactional(readOnly = true)
	public Application getApplication(ApplicationId id) {
		return findApplication(id).orElseThrow(() -> new NotFound("There is no application " + id + " in the catalogue"));
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Application> applications(Paged.Request page) {
		List<CatalogueStore.StoredApplication> stored = store.applications(page.offset(), page.size());
		List<LicenceVerdict> verdicts = licences.evaluateAll(stored.stream().map(a -> a.details().licence()).toList());
		List<Application> applications = new java.util.ArrayList<>();
		for (int i = 0; i < stored.size(); i++) {
			applications.add(new Application(stored.get(i).id(), stored.get(i).details(), verdicts.get(i)));
		}
		return new Paged<>(applications, page.page(), page.size(), store.countApplications());
	}

	private Application judged(CatalogueStore.StoredApplication stored) {
		return new Application(stored.id(), stored.details(), licences.evaluate(stored.details().licence()));
	}

	@Override
	@Transactional
	public Offering addOffering(OfferingDetails details) {
		caller.requireManages(details.partner());
		checkReferences(details);
		OfferingId id = new OfferingId(UUID.randomUUID());
		try {
			store.insertOffering(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("This partner already offers this application on this server");
		}
		events.publishEvent(new CatalogueChanged(details.application(), id, null, Instant.now(clock)));
		return getOffering(id);
	}

	@Override
	@Transactional
	public Offering updateOffering(OfferingId id, OfferingDetails details) {
		Offering existing = getOffering(id);
		caller.requireManages(existing.details().partner());
		caller.requireManages(details.partner());
		checkReferences(details);
		try {
			store.updateOffering(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("This partner already offers this application on this server");
		}
		events.publishEvent(new CatalogueChanged(details.application(), id, null, Instant.now(clock)));
		return getOffering(id);
	}

	/** An offering runs on one of its own partner's servers, and names an application in the catalogue. */
	private void checkReferences(OfferingDetails details) {
		if (partners.findBy(details.partner()).isEmpty()) {
			throw new InvalidInput("There is no partner " + details.partner());
		}
		Server server = servers.find(details.server())
				.orElseThrow(() -> new InvalidInput("There is no server " + details.server()));
		if (!server.details().partner().equals(details.partner())) {
			throw new InvalidInput("Server '" + server.details().name() + "' belongs to another partner; "
					+ "offer the service on one of this partner's own servers");
		}
		if (store.findApplication(details.application()).isEmpty()) {
			throw new InvalidInput("There is no application " + details.application()
					+ " in the catalogue; ask a steward to add it first");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Offering> findOffering(OfferingId id) {
		return store.findOffering(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Offering getOffering(OfferingId id) {
		return findOffering(id).orElseThrow(() -> new NotFound("There is no offering " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Offering> offeringsOf(PartnerId partner) {
		return store.offeringsOf(partner);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Offering> offeringsOn(ServerId server) {
		return store.offeringsOn(server);
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Offering> offerings(Paged.Request page) {
		return new Paged<>(store.offerings(page.offset(), page.size()), page.page(), page.size(), store.countOfferings());
	}
}
