package coop.commonscloud.parameters.internal;

import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform parameters are public to read; until governance sets them, a steward sets them. */
@RestController
@RequestMapping("/api/parameters")
@Tag(name = "Platform parameters")
record ParameterApi(PlatformParameters parameters, Caller caller, Clock clock) {

	@GetMapping
	List<ParameterEntry> inForce(@RequestParam(required = false) Instant at) {
		return parameters.allAt(at == null ? Instant.now(clock) : at);
	}

	@GetMapping("/definitions")
	List<ParameterDefinition> definitions() {
		return parameters.definitions();
	}

	@GetMapping("/{key}")
	List<ParameterEntry> history(@PathVariable String key) {
		return parameters.history(new ParameterKey(key));
	}

	record NewValue(BigDecimal value, Instant effectiveFrom, String reason) {
	}

	@PostMapping("/{key}")
	@ResponseStatus(HttpStatus.CREATED)
	ParameterEntry set(@PathVariable String key, @RequestBody NewValue body) {
		caller.requireSteward();
		Instant now = Instant.now(clock);
		Instant effectiveFrom = body.effectiveFrom() == null ? now : body.effectiveFrom();
		if (effectiveFrom.isBefore(EARLIEST) || effectiveFrom.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(100).toInstant())) {
			throw new InvalidInput("'effectiveFrom' must lie between 2000-01-01 and 100 years from now");
		}
		return parameters.set(new ParameterChange(new ParameterKey(key), body.value(), effectiveFrom, caller.actor(),
				body.reason(), null));
	}

	/** No region's rules predate this: an earlier date is a typing error, such as year 1 for 2001. */
	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
}
