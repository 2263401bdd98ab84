package coop.commonscloud.settlement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The public report's money-flow chart as inline SVG (no script, nothing loaded): people's payments
 * on the left flow to stewardship, each provider and the commons fund; each settler-run provider's
 * land-back levy flows on to the land-back payees, the rest stays with the providers. Band widths
 * are proportional to the amounts; negative amounts (refunds larger than payments) are drawn as zero
 * and shown in the table beside the chart.
 */
public final class FlowChart {

	private static final int WIDTH = 760;
	private static final int HEIGHT = 400;
	private static final int TOP = 30;
	private static final int GAP = 12;
	private static final int NODE = 14;
	private static final int X1 = 120;
	private static final int X2 = 380;
	private static final int X3 = 620;

	private FlowChart() {
	}

	/** A middle node: its label, its amount, and the part of it that flows on to land-back. */
	public record Middle(String label, long amount, long levy) {
	}

	public static String svg(String title, String currency, int fractionDigits, long payments, List<Middle> middles) {
		long total = Math.max(0, payments);
		StringBuilder out = new StringBuilder();
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
				.append("\" role=\"img\" aria-labelledby=\"flow-title flow-desc\" class=\"flow-chart\">")
				.append("<title id=\"flow-title\">").append(escape(title)).append("</title>")
				.append("<desc id=\"flow-desc\">").append(escape(describe(currency, fractionDigits, payments, middles)))
				.append("</desc>");
		if (total == 0) {
			out.append("<text x=\"20\" y=\"40\">Nothing was paid in this period.</text></svg>");
			return out.toString();
		}
		List<Middle> shown = middles.stream().filter(m -> m.amount() > 0).toList();
		double usable = HEIGHT - TOP - 20 - GAP * Math.max(0, shown.size() - 1);
		double scale = usable / Math.max(total, shown.stream().mapToLong(Middle::amount).sum());
		// left: people
		double leftHeight = total * scale;
		rect(out, X1 - NODE, TOP, leftHeight, "flow-people");
		label(out, X1 - NODE - 6, TOP + leftHeight / 2, "end", "People", money(payments, currency, fractionDigits));
		// middle and right
		long levyTotal = shown.stream().mapToLong(m -> Math.max(0, m.levy())).sum();
		double y = TOP;
		double leftY = TOP;
		double landBackY;
		List<double[]> onward = new ArrayList<>();
		for (Middle m : shown) {
			double h = m.amount() * scale;
			band(out, X1, leftY, X2, y, h, "flow-band");
			rect(out, X2, y, h, "flow-middle");
			label(out, X2 + NODE + 6, y + h / 2, "start", m.label(), money(m.amount(), currency, fractionDigits));
			if (m.levy() > 0) {
				onward.add(new double[] {y + h - m.levy() * scale, m.levy() * scale});
			}
			leftY += h;
			y += h + GAP;
		}
		if (levyTotal > 0) {
			double h = levyTotal * scale;
			landBackY = HEIGHT - 20 - h;
			double at = landBackY;
			for (double[] o : onward) {
				band(out, X2 + NODE, o[0], X3, at, o[1], "flow-levy");
				at += o[1];
			}
			rect(out, X3, landBackY, h, "flow-landback");
			label(out, X3 + NODE + 6, landBackY + h / 2, "start", "Land-back", money(levyTotal, currency, fractionDigits));
		}
		out.append("</svg>");
		return out.toString();
	}

	static String describe(String currency, int digits, long payments, List<Middle> middles) {
		StringBuilder d = new StringBuilder("People paid ").append(money(payments, currency, digits)).append(". ");
		for (Middle m : middles) {
			d.append(m.label()).append(": ").append(money(m.amount(), currency, digits));
			if (m.levy() != 0) {
				d.append(", of which ").append(money(m.levy(), currency, digits)).append(" to land-back");
			}
			d.append(". ");
		}
		return d.toString().strip();
	}

	private static void rect(StringBuilder out, double x, double y, double h, String cls) {
		out.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>", cls, x, y,
				NODE, Math.max(h, 0.5)));
	}

	private static void band(StringBuilder out, double x1, double y1, double x2, double y2, double h, String cls) {
		double mx = (x1 + x2) / 2;
		out.append(String.format(Locale.ROOT,
				"<path class=\"%s\" d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fL%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ\"/>", cls,
				x1, y1, mx, y1, mx, y2, x2, y2, x2, y2 + h, mx, y2 + h, mx, y1 + h, x1, y1 + h));
	}

	private static void label(StringBuilder out, double x, double y, String anchor, String name, String amount) {
		out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y - 2, anchor))
				.append(escape(name))
				.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"1.1em\">", x)).append(escape(amount))
				.append("</tspan></text>");
	}

	static String money(long minor, String currency, int digits) {
		return currency + " " + BigDecimal.valueOf(minor, digits).toPlainString();
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
