package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerChanged;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.PartnerRegistered;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class PartnerService implements Partners {

	private final PartnerStore store;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional
	public Partner register(PartnerDetails details) {
		caller.requireSteward();
		PartnerId id = PartnerId.random();
		try {
			store.insert(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("A partner named '" + details.legalName() + "' is already registered");
		}
		events.publishEvent(new PartnerRegistered(id, details.legalName(), Instant.now(clock)));
		return get(id);
	}

	@Override
	@Transactional
	public Partner update(PartnerId id, PartnerDetails details) {
		caller.requireManages(id);
		try {
			if (!store.update(id, details)) {
				throw new NotFound("There is no partner " + id);
			}
		} catch (DuplicateKeyException e) {
			throw new Conflict("A partner named '" + details.legalName() + "' is already registered");
		}
		events.publishEvent(new PartnerChanged(id, Instant.now(clock)));
		return get(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Partner> findBy(PartnerId id) {
		return store.find(id).map(this::asSeenByCaller);
	}

	@Override
	@Transactional(readOnly = true)
	public Partner get(PartnerId id) {
		return findBy(id).orElseThrow(() -> new NotFound("There is no partner " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Partner> list(Paged.Request page) {
		return new Paged<>(store.page(page.offset(), page.size()).stream().map(this::asSeenByCaller).toList(),
				page.page(), page.size(), store.count());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Partner> managedByCaller() {
		if (caller.isSteward()) {
			return store.page(0, Integer.MAX_VALUE);
		}
		return caller.adminOf().flatMap(id -> store.find(new PartnerId(id))).stream().toList();
	}

	private Partner asSeenByCaller(Partner partner) {
		return caller.manages(partner.id()) ? partner : partner.withoutContacts();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean settlerRun(PartnerId id) {
		return store.settlerRun(id).orElseThrow(() -> new NotFound("There is no partner " + id));
	}

	@Override
	@Transactional
	public void declareSettlerRun(PartnerId id, boolean settlerRun) {
		caller.requireManages(id);
		if (!store.declareSettlerRun(id, settlerRun)) {
			throw new NotFound("There is no partner " + id);
		}
		events.publishEvent(new PartnerChanged(id, Instant.now(clock)));
	}
}
