package coop.commonscloud.infrastructure;

import coop.commonscloud.region.Locality;
import coop.commonscloud.region.Site;

/** A server, the site it stands at, and how it fares on the locality rule. */
public record ServerLocality(Server server, Site site, Locality locality) {

	/** Off-site servers are not held to the locality rule. */
	public boolean heldToLocality() {
		return !server.details().role().offSite();
	}

	public boolean qualifies() {
		return !heldToLocality() || (locality != null && locality.qualifies());
	}
}
