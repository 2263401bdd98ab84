package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerDay;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A source's daily energy as inline SVG (no script, nothing loaded): for each UTC day, a bar of
 * what it consumed and a bar of its renewable supply, in kWh. A day without readings has no bars,
 * so a gap in the telemetry shows as a gap in the chart; the table beside it has the figures.
 */
final class EnergyChart {

	private static final int WIDTH = 760;
	private static final int HEIGHT = 260;
	private static final int LEFT = 56;
	private static final int RIGHT = 10;
	private static final int TOP = 16;
	private static final int BOTTOM = 40;

	private EnergyChart() {
	}

	static String svg(String title, List<PowerDay> days, LocalDate from, LocalDate to) {
		StringBuilder out = new StringBuilder();
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
				.append("\" role=\"img\" aria-labelledby=\"energy-title energy-desc\" class=\"energy-chart\">")
				.append("<title id=\"energy-title\">").append(escape(title)).append("</title>")
				.append("<desc id=\"energy-desc\">").append(escape(describe(days, from, to))).append("</desc>");
		if (days.isEmpty()) {
			out.append("<text x=\"20\" y=\"40\">No readings from ").append(from).append(" to ").append(to)
					.append(".</text></svg>");
			return out.toString();
		}
		int count = (int) ChronoUnit.DAYS.between(from, to) + 1;
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = plotWidth / count;
		double bar = Math.max(1, slot * 0.4);
		double max = days.stream().mapToDouble(d -> Math.max(d.consumptionWh(), d.renewableSupplyWh())).max().orElse(0);
		double top = max <= 0 ? 1 : niceCeiling(max);
		double baseline = TOP + plotHeight;
		// the axis: zero and the top value
		out.append("<g class=\"energy-axis\">")
				.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(baseline)).append("\" x2=\"")
				.append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(baseline)).append("\"/>")
				.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(WIDTH - RIGHT)
				.append("\" y2=\"").append(TOP).append("\" class=\"energy-grid\"/>")
				.append(text(LEFT - 4, baseline + 4, "end", "0"))
				.append(text(LEFT - 4, TOP + 4, "end", kWh(top) + " kWh"))
				.append("</g>");
		Map<LocalDate, PowerDay> byDay = days.stream().collect(Collectors.toMap(PowerDay::day, Function.identity()));
		for (int i = 0; i < count; i++) {
			LocalDate day = from.plusDays(i);
			double x = LEFT + i * slot + (slot - 2 * bar) / 2;
			if (i % 7 == 0 || i == count - 1) {
				out.append(text(LEFT + i * slot + slot / 2, baseline + 16, "middle", day.toString().substring(5)));
			}
			PowerDay d = byDay.get(day);
			if (d == null) {
				continue;
			}
			out.append("<g class=\"energy-day\" data-day=\"").append(day).append("\">");
			barRect(out, x, baseline, bar, d.consumptionWh() / top * plotHeight, "energy-consumption",
					day + ": consumed " + kWh(d.consumptionWh()) + " kWh");
			barRect(out, x + bar, baseline, bar, d.renewableSupplyWh() / top * plotHeight, "energy-renewable",
					day + ": renewable supply " + kWh(d.renewableSupplyWh()) + " kWh");
			out.append("</g>");
		}
		out.append("<g class=\"energy-legend\">")
				.append("<rect x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 14)
				.append("\" width=\"10\" height=\"10\" class=\"energy-consumption\"/>")
				.append(text(LEFT + 14, HEIGHT - 5, "start", "consumption"))
				.append("<rect x=\"").append(LEFT + 110).append("\" y=\"").append(HEIGHT - 14)
				.append("\" width=\"10\" height=\"10\" class=\"energy-renewable\"/>")
				.append(text(LEFT + 124, HEIGHT - 5, "start", "renewable supply"))
				.append("</g></svg>");
		return out.toString();
	}

	private static String describe(List<PowerDay> days, LocalDate from, LocalDate to) {
		double consumed = days.stream().mapToDouble(PowerDay::consumptionWh).sum();
		double renewable = days.stream().mapToDouble(PowerDay::renewableSupplyWh).sum();
		return "Daily consumption and renewable supply from " + from + " to " + to + ": " + days.size()
				+ " days with readings, " + kWh(consumed) + " kWh consumed, " + kWh(renewable) + " kWh renewable supply.";
	}

	private static void barRect(StringBuilder out, double x, double baseline, double width, double height,
			String kind, String label) {
		out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(baseline - height)).append("\" width=\"")
				.append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\" class=\"").append(kind)
				.append("\"><title>").append(escape(label)).append("</title></rect>");
	}

	private static String text(double x, double y, String anchor, String value) {
		return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + escape(value) + "</text>";
	}

	/** The smallest of 1, 2 or 5 times a power of ten that is at least {@code value}. */
	static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] {1, 2, 5, 10}) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	static String kWh(double wh) {
		return String.format(Locale.ROOT, "%.2f", wh / 1000);
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
