package coop.commonscloud.metering;

import coop.commonscloud.catalogue.OfferingId;
import java.util.Optional;

/**
 * Which OpenID Connect client's sign-ins count as active days on which offering. A partner links only its own
 * clients to its own offerings (stewards any), and a client counts for one offering only.
 */
public interface OfferingClientLinks {

	/** Links the client to the offering; refused (a 409) when the client already counts for another one. */
	void connect(OfferingId offering, String clientId);

	Optional<String> clientOf(OfferingId offering);
}
