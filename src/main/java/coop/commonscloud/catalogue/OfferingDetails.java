package coop.commonscloud.catalogue;

import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import java.util.ArrayList;
import java.util.List;

/**
 * A service a partner runs for the region: an application on one of its servers, for an
 * audience, with or without a LoRes-compatible (low-resource) option and whether it recommends it.
 */
public record OfferingDetails(PartnerId partner, ServerId server, ApplicationId application, Audience audience,
		boolean lowResOptionAvailable, boolean lowResOptionRecommended, String address) {

	public OfferingDetails {
		List<String> problems = new ArrayList<>();
		if (partner == null) {
			problems.add("An offering needs the partner that runs it ('partnerId')");
		}
		if (server == null) {
			problems.add("An offering needs the server it runs on ('serverId')");
		}
		if (application == null) {
			problems.add("An offering needs the catalogue application it runs ('applicationId')");
		}
		if (audience == null) {
			problems.add("Choose the offering's audience: GENERAL_PUBLIC or MEMBERS_ONLY");
		}
		if (lowResOptionRecommended && !lowResOptionAvailable) {
			problems.add("An offering can only recommend a LoRes option it makes available");
		}
		if (address != null && address.length() > 500) {
			problems.add("The offering's address is at most 500 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		address = address == null || address.isBlank() ? null : address.strip();
	}
}
