package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerDay;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.region.Sites;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a server's page shows, however it was reached (opened, or a refused edit or upload): its
 * form, and for a server that exists, the chart of its last 30 days and the readings upload form.
 */
@Component
@RequiredArgsConstructor
class ServerPage {

	static final int CHART_DAYS = 30;

	private final Partners partners;
	private final Sites sites;
	private final Telemetry telemetry;
	private final Clock clock;

	/** The page of a new server ({@code server} null) or an existing one; {@code readings} is the CSV typed or uploaded. */
	String render(Model model, Partner partner, Server server, List<String> problems, String readings) {
		model.addAttribute("partner", partner);
		model.addAttribute("server", server);
		model.addAttribute("siteChoices", sites.choicesFor(partner.id()));
		model.addAttribute("roles", ServerRole.values());
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
		}
		if (server != null) {
			if (!model.containsAttribute("serverForm")) {
				model.addAttribute("serverForm", ServerForm.of(server));
			}
			LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
			LocalDate from = to.minusDays(CHART_DAYS - 1);
			List<PowerDay> days = telemetry.days(TelemetrySource.server(server.id()), from, to);
			model.addAttribute("days", days);
			model.addAttribute("chart", EnergyChart.svg("Energy of server " + server.details().name() + " by day, "
					+ from + " to " + to, days, from, to));
			model.addAttribute("readings", readings);
		}
		return "manage/server-form";
	}

	String render(Model model, Server server, List<String> problems, String readings) {
		return render(model, partners.get(server.details().partner()), server, problems, readings);
	}
}
