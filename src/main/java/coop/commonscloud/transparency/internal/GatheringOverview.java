package coop.commonscloud.transparency.internal;

import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.Sites;
import coop.commonscloud.transparency.internal.RegionOverview.ServerRow;
import coop.commonscloud.transparency.internal.RegionOverview.SiteRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Gathers a region's overview from the modules that own its parts. */
@Component
@RequiredArgsConstructor
class GatheringOverview {

	private final Regions regions;
	private final Sites sites;
	private final Servers servers;
	private final Partners partners;

	RegionOverview of(RegionSlug slug) {
		Region region = regions.get(slug);
		List<Site> regionSites = sites.inRegion(slug);
		List<ServerLocality> regionServers = servers.inRegion(slug);
		RegionMap map = RegionMap.draw(regions.outline(slug), regionSites, regionServers);
		Map<PartnerId, String> names = new HashMap<>();
		List<SiteRow> siteRows = regionSites.stream()
				.map(site -> new SiteRow(site.name(), site.kind().label(), partnerName(site.partner(), names),
						place(site.coordinates()), site.address()))
				.toList();
		List<ServerRow> serverRows = regionServers.stream()
				.map(s -> new ServerRow(s.server().details().name(), partnerName(s.server().details().partner(), names),
						s.site().name(), s.server().details().role().label(), s.qualifies(), ServerVerdicts.reason(s)))
				.toList();
		return new RegionOverview(region, map, siteRows, serverRows);
	}

	private String partnerName(PartnerId id, Map<PartnerId, String> names) {
		if (id == null) {
			return "the region";
		}
		return names.computeIfAbsent(id, key -> partners.findBy(key).map(Partner::legalName).orElse("unknown partner"));
	}

	private static String place(Coordinates c) {
		return decimal(c.latitude()) + ", " + decimal(c.longitude());
	}

	private static String decimal(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}
}
