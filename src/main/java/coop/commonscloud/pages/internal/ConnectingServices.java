package coop.commonscloud.pages.internal;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.identity.ClientCredentials;
import coop.commonscloud.identity.Clients;
import coop.commonscloud.identity.NewClient;
import coop.commonscloud.metering.OfferingClientLinks;
import coop.commonscloud.pages.internal.ServiceConfiguration.Software;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connecting a partner's service in one step: the offering (found or made), its OpenID Connect client, and the link
 * between them, so metering counts the service's sign-ins from its first. All three are made or none.
 */
@Service
@RequiredArgsConstructor
class ConnectingServices {

	record Connected(ClientCredentials client, Offering offering, Application application,
			ServiceConfiguration configuration) {
	}

	private final Catalogue catalogue;
	private final Clients clients;
	private final OfferingClientLinks links;
	private final Caller caller;

	@Transactional
	Connected connect(Partner partner, ConnectForm form) {
		caller.requireManages(partner.id());
		Application application = catalogue.findApplication(form.applicationId())
				.orElseThrow(() -> new InvalidInput("There is no such application in the catalogue; choose one from the list"));
		Software software = Software.named(application.details().name())
				.orElseThrow(() -> new InvalidInput("The page writes out settings for Nextcloud, Forgejo, Synapse, Mastodon "
						+ "and Grafana; '" + application.details().name() + "' is none of them, so register its client "
						+ "with POST /api/clients and link it on the offering's page"));
		Offering offering = form.existingOffering().map(catalogue::getOffering)
				.orElseGet(() -> catalogue.addOffering(form.newOffering(partner.id())));
		if (!offering.details().partner().equals(partner.id())) {
			throw new InvalidInput("That offering is another partner's; choose one of this partner's offerings");
		}
		if (!offering.details().application().equals(application.id())) {
			throw new InvalidInput("That offering runs another application; choose an offering of "
					+ application.details().name() + ", or a new one");
		}
		if (links.clientOf(offering.id()).isPresent()) {
			throw new InvalidInput("That offering is connected already; its client is listed below");
		}
		String address = form.address() == null || form.address().isBlank() ? offering.details().address() : form.address();
		String base = ConnectForm.base(address);
		List<String> redirectUris = ServiceConfiguration.redirectUris(software, base);
		String name = application.details().name() + " at " + partner.legalName();
		ClientCredentials client = clients.register(new NewClient(name.substring(0, Math.min(200, name.length())),
				redirectUris, false, false, List.of(base + "/"), partner.id().value()));
		links.connect(offering.id(), client.clientId());
		return new Connected(client, offering, application,
				ServiceConfiguration.of(software, clients.issuer(), base, client.clientId(), client.clientSecret()));
	}
}
