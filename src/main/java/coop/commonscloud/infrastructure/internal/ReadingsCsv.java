package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads readings from CSV: a header line naming the columns (any order, case ignored), then one
 * reading per line. Columns: {@code server_id} or {@code site_id} (unless the upload is for one
 * source), {@code at} (ISO 8601 with offset), {@code consumption_w}, {@code renewable_w},
 * {@code grid_import_w} and optionally {@code battery_wh}. Every problem is reported with its line.
 */
final class ReadingsCsv {

	private static final int MAX_PROBLEMS = 20;

	private ReadingsCsv() {
	}

	/** @param only the source of every reading, or null when each line names its own */
	static List<SourcedReading> read(String csv, TelemetrySource only) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInput("The CSV upload is empty; send a header line and one reading per line");
		}
		List<String> lines = csv.lines().toList();
		Map<String, Integer> columns = header(lines.get(0));
		for (String required : List.of("at", "consumption_w", "renewable_w", "grid_import_w")) {
			if (!columns.containsKey(required)) {
				throw new InvalidInput("The CSV header lacks the column '" + required + "'; expected columns: "
						+ (only == null ? "server_id or site_id, " : "") + "at, consumption_w, renewable_w, grid_import_w, battery_wh");
			}
		}
		if (only == null && !columns.containsKey("server_id") && !columns.containsKey("site_id")) {
			throw new InvalidInput("The CSV header needs a 'server_id' or 'site_id' column saying whose reading each line is");
		}
		List<SourcedReading> readings = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			try {
				TelemetrySource source = only != null ? only : source(cells, columns);
				readings.add(new SourcedReading(source, new PowerReading(time(cell(cells, columns, "at")),
						number(cell(cells, columns, "consumption_w"), "consumption_w"),
						number(cell(cells, columns, "renewable_w"), "renewable_w"),
						number(cell(cells, columns, "grid_import_w"), "grid_import_w"),
						optionalNumber(cell(cells, columns, "battery_wh")))));
			} catch (InvalidInput e) {
				problems.add("line " + (i + 1) + ": " + e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (readings.isEmpty()) {
			throw new InvalidInput("The CSV upload has a header but no readings");
		}
		return readings;
	}

	private static Map<String, Integer> header(String line) {
		Map<String, Integer> columns = new HashMap<>();
		String[] names = line.split(",", -1);
		for (int i = 0; i < names.length; i++) {
			String name = unquote(names[i]).toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			if (name.equals("measured_at") || name.equals("timestamp") || name.equals("time")) {
				name = "at";
			}
			columns.put(name, i);
		}
		return columns;
	}

	private static TelemetrySource source(String[] cells, Map<String, Integer> columns) {
		String server = cell(cells, columns, "server_id");
		String site = cell(cells, columns, "site_id");
		if ((server == null) == (site == null)) {
			throw new InvalidInput("give either server_id or site_id");
		}
		try {
			return server != null ? new TelemetrySource(TelemetrySource.Kind.SERVER, UUID.fromString(server))
					: new TelemetrySource(TelemetrySource.Kind.SITE, UUID.fromString(site));
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("'" + (server != null ? server : site) + "' is not a server or site id (a UUID)");
		}
	}

	private static String cell(String[] cells, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		if (index == null || index >= cells.length) {
			return null;
		}
		String value = unquote(cells[index]);
		return value.isEmpty() ? null : value;
	}

	private static String unquote(String value) {
		String v = value.strip();
		return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).strip() : v;
	}

	private static Instant time(String value) {
		if (value == null) {
			throw new InvalidInput("the time ('at') is missing");
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		} catch (DateTimeParseException e) {
			throw new InvalidInput("'" + value + "' is not a time with offset, such as 2026-11-21T05:00:00Z");
		}
	}

	private static double number(String value, String name) {
		if (value == null) {
			throw new InvalidInput(name + " is missing");
		}
		try {
			return Double.parseDouble(value);
		} catch (NumberFormatException e) {
			throw new InvalidInput(name + " '" + value + "' is not a number");
		}
	}

	private static Double optionalNumber(String value) {
		return value == null ? null : number(value, "battery_wh");
	}
}
