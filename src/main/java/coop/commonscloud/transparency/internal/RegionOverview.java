package coop.commonscloud.transparency.internal;

import coop.commonscloud.region.Region;
import java.util.List;

/** What the public sees of one region: its map, and the same sites and servers as tables. */
record RegionOverview(Region region, RegionMap map, List<SiteRow> sites, List<ServerRow> servers) {

	record SiteRow(String name, String kind, String partner, String place, String address) {
	}

	record ServerRow(String name, String partner, String site, String role, boolean qualifies, String verdict) {
	}

	public long qualifyingServers() {
		return servers.stream().filter(ServerRow::qualifies).count();
	}
}
