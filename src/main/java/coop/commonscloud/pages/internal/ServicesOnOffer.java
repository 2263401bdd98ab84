package coop.commonscloud.pages.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Standing;
import coop.commonscloud.qualification.Status;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The services on offer as a person choosing one sees them: each offering with its application, its partner and
 * where it runs (the site as the public may see it). Every partner that takes new sign-ups is on offer, with its
 * standing shown beside it; a partner under a sanction that stops new sign-ups (or removes it) is not.
 */
@Component
@RequiredArgsConstructor
class ServicesOnOffer {

	private final Catalogue catalogue;
	private final Partners partners;
	private final Qualification qualification;
	private final Servers servers;
	private final Sites sites;

	/** Where an offering runs: a site of the region, or an off-site host named by its company. */
	public record Location(SiteId site, String name, String kind) {
	}

	public record Service(OfferingId id, Application application, Partner partner, Standing standing, Location location,
			String address, boolean lowResOption) {

		/** The service's address as a link, only when it is a web address (never a script's). */
		public String link() {
			return address != null && address.matches("(?i)https?://\\S+") ? address : null;
		}
	}

	/** Every offering on offer, by application name, then partner, then location. */
	List<Service> all() {
		Lookups lookups = new Lookups();
		List<Service> services = new ArrayList<>();
		for (Offering offering : everyOffering()) {
			Standing standing = lookups.standing(offering.details().partner());
			if (!standing.acceptsNewSignUps() || standing.status() == Status.SUSPENDED) {
				continue;
			}
			services.add(lookups.service(offering, standing));
		}
		services.sort(Comparator.comparing((Service s) -> s.application().details().name().toLowerCase())
				.thenComparing(s -> s.partner().legalName()).thenComparing(s -> s.location().name()));
		return services;
	}

	/** The given offerings, whether or not still on offer (a person keeps seeing what they chose). */
	List<Service> of(Collection<OfferingId> ids) {
		Lookups lookups = new Lookups();
		return ids.stream().map(catalogue::findOffering).flatMap(Optional::stream)
				.map(o -> lookups.service(o, lookups.standing(o.details().partner()))).toList();
	}

	/** Where the partner keeps copies away from its own sites: its off-site backup servers. */
	List<Location> backupsOf(PartnerId partner) {
		Lookups lookups = new Lookups();
		return servers.ofPartner(partner).stream().filter(s -> s.details().role() == ServerRole.OFF_SITE_BACKUP)
				.map(lookups::location).distinct().toList();
	}

	private List<Offering> everyOffering() {
		List<Offering> all = new ArrayList<>();
		for (int page = 0;; page++) {
			Paged<Offering> some = catalogue.offerings(new Paged.Request(page, Paged.MAX_SIZE));
			all.addAll(some.items());
			if (page + 1 >= some.totalPages()) {
				return all;
			}
		}
	}

	/** Each partner, application, server and site looked up once per list. */
	private final class Lookups {

		private final Map<PartnerId, Standing> standings = new HashMap<>();
		private final Map<PartnerId, Partner> partnersById = new HashMap<>();
		private final Map<ApplicationId, Application> applications = new HashMap<>();
		private final Map<SiteId, Optional<Site>> sitesById = new HashMap<>();

		Standing standing(PartnerId partner) {
			return standings.computeIfAbsent(partner, qualification::standingOf);
		}

		Service service(Offering offering, Standing standing) {
			var details = offering.details();
			return new Service(offering.id(), applications.computeIfAbsent(details.application(), catalogue::getApplication),
					partnersById.computeIfAbsent(details.partner(), p -> partners.get(p).withoutContacts()), standing,
					location(servers.get(details.server())), details.address(), details.lowResOptionAvailable());
		}

		Location location(Server server) {
			SiteId siteId = server.details().site();
			Optional<Site> site = siteId == null ? Optional.empty()
					: sitesById.computeIfAbsent(siteId, id -> sites.find(id).map(Site::forPublic));
			if (site.isPresent()) {
				return new Location(siteId, site.get().name(), site.get().kind().label());
			}
			String company = server.details().hostingCompany();
			return new Location(null, company == null ? "a host outside the region" : company, server.details().role().label());
		}
	}
}
