package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.LiberatoryLicence;
import coop.commonscloud.catalogue.LicenceVerdict;
import coop.commonscloud.catalogue.Licences;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Licences")
record LicenceApi(Licences licences) {

	/** The verdict as the API shows it. */
	record Evaluation(String expression, boolean free, List<String> reasons, String licenceListVersion) {

		static Evaluation of(LicenceVerdict verdict, String listVersion) {
			return new Evaluation(verdict.expression(), verdict.free(), verdict.reasons(), listVersion);
		}
	}

	record LiberatoryBody(String id, String name, String url, String reason) {
	}

	@GetMapping("/api/licences/evaluate")
	Evaluation evaluate(@RequestParam(required = false) String expression) {
		return Evaluation.of(licences.evaluate(expression), licences.licenceListVersion());
	}

	@GetMapping("/api/licences/liberatory")
	List<LiberatoryLicence> liberatory() {
		return licences.liberatoryList();
	}

	@PostMapping("/api/licences/liberatory")
	@ResponseStatus(HttpStatus.CREATED)
	LiberatoryLicence addLiberatory(@RequestBody LiberatoryBody body) {
		return licences.addLiberatory(body.id(), body.name(), body.url(), body.reason());
	}
}
