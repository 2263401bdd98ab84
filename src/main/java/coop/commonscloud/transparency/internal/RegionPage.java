package coop.commonscloud.transparency.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.region.RegionSlug;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A region's public page: the map, its sites and servers, and which servers qualify on locality. */
@Controller
record RegionPage(GatheringOverview overviews) {

	@GetMapping("/regions/{slug}")
	String region(@PathVariable String slug, Model model) {
		model.addAttribute("overview", overviews.of(slugOf(slug)));
		return "region";
	}

	private static RegionSlug slugOf(String slug) {
		try {
			return new RegionSlug(slug);
		} catch (InvalidInput e) {
			throw new NotFound("There is no region '" + slug + "'");
		}
	}
}
