package coop.commonscloud.pages.internal;

import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Connect a service" as a person types it, kept as text so a refused form comes back as it was sent: the catalogue
 * application, the offering it belongs to (or, with {@code offering} blank, a new one on a server), and the
 * service's address, from which its callback follows.
 */
record ConnectForm(String application, String offering, String server, String audience, String address) {

	static ConnectForm blank() {
		return new ConnectForm(null, "", null, Audience.GENERAL_PUBLIC.name(), null);
	}

	ApplicationId applicationId() {
		return new ApplicationId(uuid(application, "Choose the application from the catalogue"));
	}

	/** The chosen existing offering; empty when a new one is to be made. */
	Optional<OfferingId> existingOffering() {
		if (offering == null || offering.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new OfferingId(uuid(offering, "Choose the offering from the list, or a new one")));
	}

	OfferingDetails newOffering(PartnerId partner) {
		List<String> problems = new ArrayList<>();
		ServerId serverId = null;
		try {
			serverId = new ServerId(uuid(server, "Choose the server the new offering runs on"));
		} catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		Audience chosen = null;
		try {
			chosen = Audience.valueOf(audience == null ? "" : audience);
		} catch (IllegalArgumentException e) {
			problems.add("Choose who the new offering is for: the general public or members only");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new OfferingDetails(partner, serverId, applicationId(), chosen, false, false, address);
	}

	/** The service's address without a trailing slash: https, or http on this machine only. */
	static String base(String address) {
		String text = address == null ? "" : address.strip().replaceAll("/+$", "");
		try {
			URI uri = new URI(text);
			boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
					&& ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
				return text;
			}
		} catch (java.net.URISyntaxException e) {
			// said below
		}
		throw new InvalidInput("Give the service's address as people reach it, such as https://cloud.coop.example"
				+ (text.isEmpty() ? "" : "; got '" + text + "'"));
	}

	private static UUID uuid(String text, String problem) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInput(problem);
		}
	}
}
