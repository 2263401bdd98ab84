package coop.commonscloud.transparency.internal;

import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.PlatformParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public list of the platform's parameters: each one's value in force, its history, who set it and on which decision. */
@Controller
@RequiredArgsConstructor
class ParametersPage {

	private final PlatformParameters parameters;
	private final Clock clock;

	/** A parameter as the page shows it; {@code inForce} is null only for one whose first value is still to come. */
	public record Shown(ParameterDefinition definition, ParameterEntry inForce, List<ParameterEntry> history, Instant now) {

		/** The entries that take effect later than now, which the page marks as scheduled. */
		public boolean scheduled(ParameterEntry entry) {
			return entry.effectiveFrom().isAfter(now);
		}

		/** A governance decision's page, when the entry names one by its address; else null. */
		public String decisionLink(ParameterEntry entry) {
			String decision = entry.decision();
			return decision != null && decision.startsWith("/governance/decisions/") ? decision : null;
		}
	}

	@GetMapping("/parameters")
	String page(Model model) {
		Instant now = clock.instant();
		Map<String, ParameterEntry> inForce = parameters.allAt(now).stream()
				.collect(Collectors.toMap(e -> e.key().name(), Function.identity(), (a, b) -> a));
		List<Shown> shown = parameters.definitions().stream()
				.sorted(Comparator.comparing(d -> d.key().name()))
				.map(d -> new Shown(d, inForce.get(d.key().name()), parameters.history(d.key()), now))
				.toList();
		model.addAttribute("parameters", shown);
		return "transparency/parameters";
	}
}
