package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.Sites;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The sites a partner's server may stand at: the partner's own, and the region's shared sites. */
@Component
class SiteChoices {

	record SiteChoice(String id, String label) {
	}

	private final Sites sites;
	private final Regions regions;

	SiteChoices(Sites sites, Regions regions) {
		this.sites = sites;
		this.regions = regions;
	}

	List<SiteChoice> forPartner(PartnerId partner) {
		List<SiteChoice> choices = new ArrayList<>();
		for (Site site : sites.ofPartner(partner)) {
			choices.add(new SiteChoice(site.id().toString(), site.name()));
		}
		for (Region region : regions.all()) {
			for (Site site : sites.inRegion(region.slug())) {
				if (site.partner() == null) {
					choices.add(new SiteChoice(site.id().toString(), site.name() + " (shared, " + region.name() + ")"));
				}
			}
		}
		return choices;
	}
}
