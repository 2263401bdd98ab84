package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.IngestResult;
import coop.commonscloud.infrastructure.PowerDay;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.ReadingCorrection;
import coop.commonscloud.infrastructure.RenewableShare;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Paged;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Telemetry")
record TelemetryApi(Telemetry telemetry, Clock clock) {

	/** One reading as JSON; serverId or siteId names its source unless the URL does. */
	record ReadingBody(UUID serverId, UUID siteId, OffsetDateTime at, Double consumptionW, Double renewableW, Double gridImportW,
			Double batteryWh) {
	}

	/** A batch of readings; {@code correction: true} replaces stored readings that differ. */
	record BatchBody(Boolean correction, List<ReadingBody> readings) {
	}

	@PostMapping(path = "/api/telemetry/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
	IngestResult ingest(@RequestBody BatchBody body) {
		return telemetry.ingest(readings(body, null), Boolean.TRUE.equals(body.correction()));
	}

	@PostMapping(path = "/api/telemetry/readings", consumes = "text/csv")
	IngestResult ingestCsv(@RequestBody String csv, @RequestParam(defaultValue = "false") boolean correction) {
		return telemetry.ingest(ReadingsCsv.read(csv, null), correction);
	}

	@PostMapping(path = "/api/telemetry/readings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	IngestResult ingestUpload(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean correction) throws IOException {
		return telemetry.ingest(ReadingsCsv.read(new String(file.getBytes(), StandardCharsets.UTF_8), null), correction);
	}

	@PostMapping(path = "/api/servers/{id}/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
	IngestResult ingestForServer(@PathVariable UUID id, @RequestBody BatchBody body) {
		return telemetry.ingest(readings(body, TelemetrySource.server(new ServerId(id))), Boolean.TRUE.equals(body.correction()));
	}

	@PostMapping(path = "/api/servers/{id}/readings", consumes = "text/csv")
	IngestResult ingestCsvForServer(@PathVariable UUID id, @RequestBody String csv,
			@RequestParam(defaultValue = "false") boolean correction) {
		return telemetry.ingest(ReadingsCsv.read(csv, TelemetrySource.server(new ServerId(id))), correction);
	}

	@PostMapping(path = "/api/sites/{id}/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
	IngestResult ingestForSite(@PathVariable UUID id, @RequestBody BatchBody body) {
		return telemetry.ingest(readings(body, new TelemetrySource(TelemetrySource.Kind.SITE, id)),
				Boolean.TRUE.equals(body.correction()));
	}

	@PostMapping(path = "/api/sites/{id}/readings", consumes = "text/csv")
	IngestResult ingestCsvForSite(@PathVariable UUID id, @RequestBody String csv,
			@RequestParam(defaultValue = "false") boolean correction) {
		return telemetry.ingest(ReadingsCsv.read(csv, new TelemetrySource(TelemetrySource.Kind.SITE, id)), correction);
	}

	@GetMapping("/api/servers/{id}/renewable-share")
	RenewableShare serverShare(@PathVariable UUID id, @RequestParam(required = false) Instant asOf) {
		return telemetry.renewableShareOfServer(new ServerId(id), asOf == null ? Instant.now(clock) : asOf);
	}

	@GetMapping("/api/sites/{id}/renewable-share")
	RenewableShare siteShare(@PathVariable UUID id, @RequestParam(required = false) Instant asOf) {
		return telemetry.renewableShareOf(new TelemetrySource(TelemetrySource.Kind.SITE, id),
				asOf == null ? Instant.now(clock) : asOf);
	}

	@GetMapping("/api/servers/{id}/power-days")
	List<PowerDay> serverDays(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return days(TelemetrySource.server(new ServerId(id)), from, to);
	}

	@GetMapping("/api/sites/{id}/power-days")
	List<PowerDay> siteDays(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return days(new TelemetrySource(TelemetrySource.Kind.SITE, id), from, to);
	}

	@GetMapping("/api/servers/{id}/readings")
	Paged<PowerReading> serverReadings(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
		return telemetry.readings(TelemetrySource.server(new ServerId(id)), from, to, new Paged.Request(page, size));
	}

	@GetMapping("/api/sites/{id}/readings")
	Paged<PowerReading> siteReadings(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
		return telemetry.readings(new TelemetrySource(TelemetrySource.Kind.SITE, id), from, to, new Paged.Request(page, size));
	}

	@GetMapping("/api/servers/{id}/reading-corrections")
	List<ReadingCorrection> serverCorrections(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to) {
		return telemetry.corrections(TelemetrySource.server(new ServerId(id)), from, to);
	}

	@GetMapping("/api/sites/{id}/reading-corrections")
	List<ReadingCorrection> siteCorrections(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to) {
		return telemetry.corrections(new TelemetrySource(TelemetrySource.Kind.SITE, id), from, to);
	}

	private List<PowerDay> days(TelemetrySource source, LocalDate from, LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
		return telemetry.days(source, from == null ? end.minusDays(29) : from, end);
	}

	private static List<SourcedReading> readings(BatchBody body, TelemetrySource only) {
		if (body == null || body.readings() == null) {
			throw new InvalidInput("Send readings as {\"readings\": [{\"at\": \"2026-11-21T05:00:00Z\", \"consumptionW\": 35, "
					+ "\"renewableW\": 120, \"gridImportW\": 0, \"batteryWh\": 1800}]}");
		}
		List<SourcedReading> readings = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < body.readings().size() && problems.size() < 20; i++) {
			ReadingBody r = body.readings().get(i);
			try {
				if (r == null) {
					throw new InvalidInput("it is empty");
				}
				readings.add(new SourcedReading(only != null ? only : source(r), new PowerReading(r.at() == null ? null : r.at().toInstant(),
						required(r.consumptionW(), "consumptionW"), required(r.renewableW(), "renewableW"),
						required(r.gridImportW(), "gridImportW"), r.batteryWh())));
			} catch (InvalidInput e) {
				problems.add("reading " + (i + 1) + ": " + e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return readings;
	}

	private static TelemetrySource source(ReadingBody r) {
		if ((r.serverId() == null) == (r.siteId() == null)) {
			throw new InvalidInput("give either serverId or siteId");
		}
		return r.serverId() != null ? TelemetrySource.server(new ServerId(r.serverId()))
				: new TelemetrySource(TelemetrySource.Kind.SITE, r.siteId());
	}

	private static double required(Double value, String name) {
		if (value == null) {
			throw new InvalidInput(name + " is missing");
		}
		return value;
	}
}
