package coop.commonscloud.transparency.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.Regions;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page: the region this deployment serves, the one named by {@code commonscloud.region.home}
 * or the only one there is; with several and none named, a list to choose from.
 */
@Controller
class HomePage {

	private final Regions regions;
	private final Partners partners;
	private final GatheringOverview overviews;
	private final String homeRegion;

	HomePage(Regions regions, Partners partners, GatheringOverview overviews,
			@Value("${commonscloud.region.home:}") String homeRegion) {
		this.regions = regions;
		this.partners = partners;
		this.overviews = overviews;
		this.homeRegion = homeRegion;
	}

	@GetMapping("/")
	String home(Model model) {
		List<Region> all = regions.all();
		model.addAttribute("regions", all);
		model.addAttribute("partnerCount", partners.list(new Paged.Request(0, 1)).totalItems());
		shown(all).ifPresent(region -> model.addAttribute("overview", overviews.of(region.slug())));
		return "home";
	}

	private Optional<Region> shown(List<Region> all) {
		Optional<Region> named = all.stream().filter(r -> r.slug().value().equals(homeRegion)).findFirst();
		if (named.isPresent() || all.size() != 1) {
			return named;
		}
		return Optional.of(all.get(0));
	}
}
