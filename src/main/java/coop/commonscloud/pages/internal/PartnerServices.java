package coop.commonscloud.pages.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.identity.Client;
import coop.commonscloud.identity.Clients;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.metering.OfferingClientLinks;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A partner's offerings and clients as its pages show them: with names, not ids, and which client counts where. */
@Component
record PartnerServices(Catalogue catalogue, Servers servers, Clients clients, OfferingClientLinks links) {

	/** One offering: what it runs, where, and the client whose sign-ins count for it (null: none yet). */
	record OfferingRow(Offering offering, String application, String server, String clientId) {

		public String label() {
			return application + " on " + server
					+ (offering.details().address() == null ? "" : " (" + offering.details().address() + ")");
		}
	}

	/** One registered client and the offering it counts for (null: none). */
	record ServiceRow(Client client, OfferingRow offering) {
	}

	List<Application> applications() {
		return catalogue.applications(new Paged.Request(0, Paged.MAX_SIZE)).items();
	}

	List<Server> servers(PartnerId partner) {
		return servers.ofPartner(partner);
	}

	List<OfferingRow> offerings(PartnerId partner) {
		Map<ApplicationId, String> names = applications().stream()
				.collect(Collectors.toMap(Application::id, a -> a.details().name(), (a, b) -> a));
		Map<ServerId, String> serverNames = servers.ofPartner(partner).stream()
				.collect(Collectors.toMap(Server::id, s -> s.details().name(), (a, b) -> a));
		return catalogue.offeringsOf(partner).stream()
				.map(o -> new OfferingRow(o, names.getOrDefault(o.details().application(),
						catalogue.findApplication(o.details().application()).map(a -> a.details().name()).orElse("?")),
						serverNames.getOrDefault(o.details().server(), "?"), links.clientOf(o.id()).orElse(null)))
				.toList();
	}

	List<ServiceRow> services(PartnerId partner, List<OfferingRow> offerings) {
		Map<String, OfferingRow> byClient = new HashMap<>();
		offerings.stream().filter(o -> o.clientId() != null).forEach(o -> byClient.put(o.clientId(), o));
		return clients.ofPartner(partner.value()).stream()
				.map(c -> new ServiceRow(c, byClient.get(c.clientId())))
				.toList();
	}
}
