package coop.commonscloud.metering.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The stewards' list of provider reports that went over the daily cap. */
@Controller
record AnomaliesPage(ProviderReports reports) {

	@GetMapping("/manage/metering/anomalies")
	String anomalies(Model model) {
		model.addAttribute("anomalies", reports.anomalies());
		return "metering/anomalies";
	}
}
