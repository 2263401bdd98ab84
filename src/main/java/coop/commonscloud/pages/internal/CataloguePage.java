package coop.commonscloud.pages.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalogue: the services on offer, by application, partner and location, filtered by query parameters. */
@Controller
@RequiredArgsConstructor
class CataloguePage {

	private final ServicesOnOffer offer;

	/** A choice in a filter: the id the query carries and the name a person reads. */
	public record Option(String id, String name) {
	}

	@GetMapping("/catalogue")
	String catalogue(@RequestParam(required = false) String application, @RequestParam(required = false) String location,
			Model model) {
		List<ServicesOnOffer.Service> all = offer.all();
		String app = blankToNull(application);
		String site = blankToNull(location);
		model.addAttribute("applications", options(all.stream()
				.map(s -> new Option(s.application().id().value().toString(), s.application().details().name())).toList()));
		model.addAttribute("locations", options(all.stream().filter(s -> s.location().site() != null)
				.map(s -> new Option(s.location().site().value().toString(), s.location().name())).toList()));
		model.addAttribute("services", all.stream()
				.filter(s -> app == null || s.application().id().value().toString().equals(app))
				.filter(s -> site == null || (s.location().site() != null && s.location().site().value().toString().equals(site)))
				.toList());
		model.addAttribute("anyOnOffer", !all.isEmpty());
		model.addAttribute("chosenApplication", app);
		model.addAttribute("chosenLocation", site);
		return "pages/catalogue";
	}

	private static List<Option> options(List<Option> options) {
		Map<String, Option> unique = new LinkedHashMap<>();
		options.forEach(o -> unique.putIfAbsent(o.id(), o));
		return unique.values().stream().sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase())).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : Objects.requireNonNull(value).strip();
	}
}
