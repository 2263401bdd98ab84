package coop.commonscloud.metering.internal;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.identity.SignInActivity;
import coop.commonscloud.metering.OfferingClientLinks;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which OpenID Connect client signs people in to which offering. A partner links only its own
 * clients to its own offerings (stewards any), and a client counts for one offering only, so no
 * provider can collect another's sign-ins.
 */
@Component
@RequiredArgsConstructor
class OfferingClients implements OfferingClientLinks {

	record Link(UUID offeringId, String clientId) {
	}

	private final UsageStore store;
	private final Catalogue catalogue;
	private final SignInActivity signIns;
	private final Caller caller;

	@Transactional
	Link link(OfferingId offeringId, String clientId) {
		Offering offering = offering(offeringId);
		UUID partner = offering.details().partner().value();
		caller.requireManages(offering.details().partner());
		if (clientId == null || clientId.isBlank()) {
			throw new InvalidInput("Give the client id ('clientId') of the service's OpenID Connect client");
		}
		SignInActivity.ClientOwner owner = signIns.ownerOf(clientId.strip())
				.orElseThrow(() -> new InvalidInput("No OpenID Connect client has the id '" + clientId.strip() + "'"));
		if (!caller.isSteward() && !Objects.equals(owner.partnerId(), partner)) {
			throw new InvalidInput("The client '" + owner.clientId() + "' is not one of your partner's clients");
		}
		try {
			store.link(offeringId.value(), owner.clientId(), caller.actor());
		} catch (DuplicateKeyException e) {
			throw new Conflict("The client '" + owner.clientId() + "' already counts for another offering; a client counts for one");
		}
		return new Link(offeringId.value(), owner.clientId());
	}

	@Override
	@Transactional
	public void connect(OfferingId offering, String clientId) {
		link(offering, clientId);
	}

	@Override
	public Optional<String> clientOf(OfferingId offering) {
		return store.clientOf(offering.value());
	}

	/** Every linked client and its offering: a few hundred rows at most. */
	Map<String, UUID> offeringsByClient() {
		return store.offeringsByClient();
	}

	Offering offering(OfferingId id) {
		if (id == null) {
			throw new InvalidInput("Name the offering ('offeringId')");
		}
		return catalogue.findOffering(id).orElseThrow(() -> new NotFound("No offering " + id));
	}
}
