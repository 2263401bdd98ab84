package coop.commonscloud.region.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteChanged;
import coop.commonscloud.region.SiteChoice;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.SiteKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class SiteService implements Sites {

	private final SiteStore store;
	private final Regions regions;
	private final Partners partners;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional
	public Site add(SiteDetails details) {
		requireMayManage(details.partner());
		checkReferences(details);
		SiteId id = new SiteId(UUID.randomUUID());
		try {
			store.insert(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("Region '" + details.region() + "' already has a site named '" + details.name() + "'");
		}
		return store.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public Site update(SiteId id, SiteDetails details) {
		Site existing = store.find(id).orElseThrow(() -> new NotFound("There is no site " + id));
		requireMayManage(existing.partner());
		requireMayManage(details.partner());
		checkReferences(details);
		try {
			store.update(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("Region '" + details.region() + "' already has a site named '" + details.name() + "'");
		}
		events.publishEvent(new SiteChanged(id, details.partner(), existing.partner(), Instant.now(clock)));
		return store.find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Site> find(SiteId id) {
		return store.find(id).map(this::asSeenByCaller);
	}

	@Override
	@Transactional(readOnly = true)
	public Site get(SiteId id) {
		return find(id).orElseThrow(() -> new NotFound("There is no site " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Site> inRegion(RegionSlug region) {
		regions.get(region);
		return store.inRegion(region).stream().map(this::asSeenByCaller).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Site> ofPartner(PartnerId partner) {
		return store.ofPartner(partner).stream().map(this::asSeenByCaller).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SiteChoice> choicesFor(PartnerId partner) {
		List<SiteChoice> choices = new ArrayList<>();
		for (Site site : ofPartner(partner)) {
			choices.add(new SiteChoice(site.id(), site.name()));
		}
		for (Region region : regions.all()) {
			for (Site site : inRegion(region.slug())) {
				if (site.partner() == null) {
					choices.add(new SiteChoice(site.id(), site.name() + " (shared, " + region.name() + ")"));
				}
			}
		}
		return choices;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<SiteId, Locality> localities(RegionSlug region) {
		if (!regions.get(region).hasBoundary()) {
			return Map.of();
		}
		Map<SiteId, Locality> localities = new LinkedHashMap<>();
		for (Site site : store.inRegion(region)) {
			Locality locality = regions.locality(region, site.coordinates());
			if (site.kind() == SiteKind.HOME && !mayManage(site)) {
				locality = new Locality(locality.inside(), Math.round(locality.distanceToBoundaryMetres() / 100) * 100.0,
						locality.allowanceMetres(), locality.qualifies());
			}
			localities.put(site.id(), locality);
		}
		return localities;
	}

	/** A partner's sites are its admins' to manage; the region's own sites (no partner) are the stewards'. */
	private void requireMayManage(PartnerId partner) {
		if (partner == null) {
			caller.requireSteward();
		} else {
			caller.requireManages(partner);
		}
	}

	private void checkReferences(SiteDetails details) {
		if (regions.find(details.region()).isEmpty()) {
			throw new InvalidInput("There is no region '" + details.region() + "'");
		}
		if (details.partner() != null && partners.findBy(details.partner()).isEmpty()) {
			throw new InvalidInput("There is no partner " + details.partner());
		}
	}

	private Site asSeenByCaller(Site site) {
		return mayManage(site) ? site : site.forPublic();
	}

	private boolean mayManage(Site site) {
		return site.partner() == null ? caller.isSteward() : caller.manages(site.partner());
	}
}
