package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerChanged;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.ServerRegistered;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class ServerService implements Servers {

	private final ServerStore store;
	private final Partners partners;
	private final Sites sites;
	private final Regions regions;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional
	public Server add(ServerDetails details) {
		caller.requireManages(details.partner());
		checkReferences(details);
		ServerId id = new ServerId(UUID.randomUUID());
		try {
			store.insert(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("This partner already has a server named '" + details.name() + "'");
		}
		events.publishEvent(new ServerRegistered(id, details.partner(), Instant.now(clock)));
		return get(id);
	}

	@Override
	@Transactional
	public Server update(ServerId id, ServerDetails details) {
		Server existing = get(id);
		caller.requireManages(existing.details().partner());
		caller.requireManages(details.partner());
		checkReferences(details);
		try {
			store.update(id, details);
		} catch (DuplicateKeyException e) {
			throw new Conflict("This partner already has a server named '" + details.name() + "'");
		}
		events.publishEvent(new ServerChanged(id, details.partner(), existing.details().partner(), Instant.now(clock)));
		return get(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Server> find(ServerId id) {
		return store.find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Server get(ServerId id) {
		return find(id).orElseThrow(() -> new NotFound("There is no server " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Server> ofPartner(PartnerId partner) {
		return store.ofPartner(partner);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ServerLocality> inRegion(RegionSlug slug) {
		Map<UUID, Site> regionSites = sites.inRegion(slug).stream()
				.collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
		Map<SiteId, Locality> localities = sites.localities(slug);
		return store.atSites(regionSites.keySet()).stream()
				.map(server -> {
					Site site = regionSites.get(server.details().site().value());
					return new ServerLocality(server, site, localities.get(site.id()));
				})
				.toList();
	}

	/**
	 * A server may only stand at a site of its own partner, or at one of the region's own sites
	 * (a library, a community house), never at another partner's site.
	 */
	private void checkReferences(ServerDetails details) {
		if (partners.findBy(details.partner()).isEmpty()) {
			throw new InvalidInput("There is no partner " + details.partner());
		}
		if (details.site() != null) {
			Site site = sites.find(details.site())
					.orElseThrow(() -> new InvalidInput("There is no site " + details.site()));
			if (site.partner() != null && !site.partner().equals(details.partner())) {
				throw new InvalidInput("Site '" + site.name() + "' belongs to another partner; choose one of this "
						+ "partner's sites or one of the region's shared sites");
			}
		}
	}

}
