package coop.commonscloud.governance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A horizontal bar chart of a poll's totals as inline SVG: drawn on the server, so it works
 * without JavaScript and offline, and described for screen readers (the page also shows the same
 * numbers as a table).
 */
final class ResultChart {

	private static final int WIDTH = 560;
	private static final int LABEL = 180;
	private static final int BAR = 28;
	private static final int GAP = 10;

	private ResultChart() {
	}

	static String svg(String title, Map<String, BigDecimal> totals, String highlighted) {
		BigDecimal max = totals.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		int height = GAP + totals.size() * (BAR + GAP);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"result-chart\" role=\"img\" width=\"").append(WIDTH)
				.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
				.append("\" aria-labelledby=\"chart-title chart-desc\">");
		svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
		StringBuilder desc = new StringBuilder();
		totals.forEach((option, total) -> desc.append(option).append(": ").append(show(total)).append(". "));
		svg.append("<desc id=\"chart-desc\">").append(escape(desc.toString().strip())).append("</desc>");
		int y = GAP;
		int room = WIDTH - LABEL - 70;
		for (Map.Entry<String, BigDecimal> entry : totals.entrySet()) {
			int length = max.signum() == 0 ? 0
					: entry.getValue().multiply(BigDecimal.valueOf(room)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			boolean winner = entry.getKey().equals(highlighted);
			svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + BAR / 2 + 5)
					.append("\" text-anchor=\"end\" font-size=\"14\" fill=\"currentColor\">").append(escape(shorten(entry.getKey())))
					.append("</text>");
			svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(Math.max(length, 1))
					.append("\" height=\"").append(BAR).append("\" fill=\"").append(winner ? "#2f6f3e" : "#7a8c99")
					.append("\"/>");
			svg.append("<text x=\"").append(LABEL + Math.max(length, 1) + 6).append("\" y=\"").append(y + BAR / 2 + 5)
					.append("\" font-size=\"14\" fill=\"currentColor\">").append(show(entry.getValue())).append("</text>");
			y += BAR + GAP;
		}
		return svg.append("</svg>").toString();
	}

	private static String show(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String shorten(String label) {
		return label.length() > 24 ? label.substring(0, 23) + "…" : label;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
				.replace("'", "&#39;");
	}
}
