package coop.commonscloud.transparency.internal;

import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.region.BoundaryOutline;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The region drawn for an inline SVG, so the map works offline and without JavaScript.
 *
 * <p>Longitude and latitude are projected equirectangularly, longitude scaled by the cosine of
 * the middle latitude so that shapes keep their proportions near the region; y grows southward as
 * SVG has it. The view fits the boundary and the sites with a margin. Boundary rings drop points
 * closer than {@link #MIN_STEP} to the previous one, which keeps a detailed boundary small to send.
 * Servers stand in a row under their site; site labels go where {@link LabelPlacer} finds room.
 */
record RegionMap(double width, double height, List<String> boundaryPaths, List<SiteMark> sites,
		List<ServerMark> servers) {

	static final double MAX_WIDTH = 1000;
	static final double MAX_HEIGHT = 700;
	static final double MIN_WIDTH = 600;
	static final double MIN_HEIGHT = 320;
	static final double MIN_STEP = 0.75;
	private static final double MARGIN = 0.08;

	/** A site at (x, y) in map units, its label placed relative to it. */
	record SiteMark(String name, String title, double x, double y, LabelPlacer.Placement label) {

		public String anchor() {
			return label.leftOfMark() ? "end" : "start";
		}
	}

	/** A server drawn beside its site. */
	record ServerMark(String name, String title, double x, double y, boolean qualifies) {
	}

	public String viewBox() {
		return "0 0 " + number(width) + " " + number(height);
	}

	static RegionMap draw(Optional<BoundaryOutline> outline, List<Site> sites, List<ServerLocality> servers) {
		Projection projection = Projection.fitting(outline, sites);
		List<String> paths = outline.map(o -> o.polygons().stream().map(projection::path).toList()).orElse(List.of());
		Map<SiteId, double[]> positions = new LinkedHashMap<>();
		for (Site site : sites) {
			double[] xy = projection.point(site.coordinates());
			positions.put(site.id(), new double[] {round(xy[0]), round(xy[1])});
		}
		LabelPlacer labels = new LabelPlacer(projection.width(), projection.height());
		positions.values().forEach(xy -> labels.block(xy[0], xy[1], 10));
		Map<SiteId, Integer> serversAtSite = new LinkedHashMap<>();
		List<ServerMark> serverMarks = new ArrayList<>();
		for (ServerLocality server : servers) {
			double[] at = positions.get(server.site().id());
			if (at == null) {
				continue;
			}
			int index = serversAtSite.merge(server.site().id(), 1, Integer::sum) - 1;
			double x = at[0] + (at[0] > projection.width() * 0.85 ? -1 : 1) * (4 + 20 * index);
			labels.block(x, at[1] + 22, 10);
			serverMarks.add(new ServerMark(server.server().details().name(), ServerVerdicts.describe(server),
					round(x), round(at[1] + 22), server.qualifies()));
		}
		List<SiteMark> siteMarks = new ArrayList<>();
		for (Site site : sites) {
			double[] xy = positions.get(site.id());
			siteMarks.add(new SiteMark(site.name(), site.name() + " (" + site.kind().label() + ")", xy[0], xy[1],
					labels.place(xy[0], xy[1], site.name())));
		}
		return new RegionMap(round(projection.width()), round(projection.height()), paths, siteMarks, serverMarks);
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

	/** Equirectangular, scaled by cos(middle latitude), fitted into the view with a margin. */
	private record Projection(double minLon, double maxLat, double cosLat, double scale, double offsetX,
			double offsetY, double width, double height) {

		static Projection fitting(Optional<BoundaryOutline> outline, List<Site> sites) {
			double minLon = outline.map(BoundaryOutline::minLongitude).orElse(Double.POSITIVE_INFINITY);
			double maxLon = outline.map(BoundaryOutline::maxLongitude).orElse(Double.NEGATIVE_INFINITY);
			double minLat = outline.map(BoundaryOutline::minLatitude).orElse(Double.POSITIVE_INFINITY);
			double maxLat = outline.map(BoundaryOutline::maxLatitude).orElse(Double.NEGATIVE_INFINITY);
			for (Site site : sites) {
				minLon = Math.min(minLon, site.coordinates().longitude());
				maxLon = Math.max(maxLon, site.coordinates().longitude());
				minLat = Math.min(minLat, site.coordinates().latitude());
				maxLat = Math.max(maxLat, site.coordinates().latitude());
			}
			if (minLon > maxLon) {
				// nothing to draw: a small empty square
				minLon = 0;
				maxLon = 0;
				minLat = 0;
				maxLat = 0;
			}
			double cosLat = Math.cos(Math.toRadians((minLat + maxLat) / 2));
			double spanX = (maxLon - minLon) * cosLat;
			double spanY = maxLat - minLat;
			double margin = Math.max(Math.max(spanX, spanY) * MARGIN, 0.005);
			double scale = Math.min(MAX_WIDTH / (spanX + 2 * margin), MAX_HEIGHT / (spanY + 2 * margin));
			// at least this wide and tall, so that labels near an edge still fit
			double width = Math.max((spanX + 2 * margin) * scale, MIN_WIDTH);
			double height = Math.max((spanY + 2 * margin) * scale, MIN_HEIGHT);
			double offsetX = (width - spanX * scale) / 2;
			double offsetY = (height - spanY * scale) / 2;
			return new Projection(minLon, maxLat, cosLat, scale, offsetX, offsetY, width, height);
		}

		double[] point(Coordinates c) {
			return xy(c.longitude(), c.latitude());
		}

		double[] xy(double lon, double lat) {
			return new double[] {offsetX + (lon - minLon) * cosLat * scale, offsetY + (maxLat - lat) * scale};
		}

		/** One path per polygon: its shell and holes as subpaths, to be filled even-odd. */
		String path(List<List<double[]>> rings) {
			StringBuilder d = new StringBuilder();
			for (List<double[]> ring : rings) {
				double[] last = null;
				for (int i = 0; i < ring.size(); i++) {
					double[] p = xy(ring.get(i)[0], ring.get(i)[1]);
					boolean closing = i == ring.size() - 1;
					if (last != null && !closing && Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP) {
						continue;
					}
					if (closing) {
						d.append('Z');
						break;
					}
					d.append(last == null ? 'M' : 'L').append(number(round(p[0]))).append(',').append(number(round(p[1])));
					last = p;
				}
			}
			return d.toString();
		}
	}
}
