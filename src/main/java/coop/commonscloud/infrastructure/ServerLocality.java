package coop.commonscloud.infrastructure;

import com.fasterxml.jackson.annotation.JsonProperty;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.Site;

/** A server, the site it stands at, and how it fares on the locality rule. */
public record ServerLocality(Server server, Site site, Locality locality) {

	/** Off-site servers are not held to the locality rule. */
	@JsonProperty
	public boolean heldToLocality() {
		return !server.details().role().offSite();
	}

	/** Whether the server meets the locality rule (off-site servers always do; a region without a boundary cannot judge). */
	@JsonProperty
	public boolean qualifies() {
		return !heldToLocality() || (locality != null && locality.qualifies());
	}
}
