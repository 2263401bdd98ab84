package coop.commonscloud.region.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * A region-sized test polygon around Naarm (about 110 km by 90 km, irregular) with a hole of
 * about 15 km by 10 km, and an independent GeographicLib reference for distances to it.
 */
public final class RegionFixtures {

	/** Shell, counter-clockwise, [lon, lat]. */
	public static final double[][] SHELL = {
			{144.40, -38.30}, {144.95, -38.35}, {145.40, -38.25}, {145.60, -37.95}, {145.55, -37.60},
			{145.20, -37.45}, {144.80, -37.50}, {144.50, -37.62}, {144.40, -37.90}, {144.40, -38.30}};

	/** A hole inside the shell, clockwise. */
	public static final double[][] HOLE = {
			{144.90, -37.90}, {144.90, -37.80}, {145.08, -37.80}, {145.08, -37.90}, {144.90, -37.90}};

	private RegionFixtures() {
	}

	public static String polygonWithHole() {
		return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(SHELL) + "," + ring(HOLE) + "]}";
	}

	public static String ring(double[][] ring) {
		List<String> positions = new ArrayList<>();
		for (double[] p : ring) {
			positions.add("[" + p[0] + "," + p[1] + "]");
		}
		return positions.stream().collect(Collectors.joining(",", "[", "]"));
	}

	/**
	 * The reference distance: every edge (straight in lon/lat, as RFC 7946 has it) sampled every
	 * 2 m or less, and the least GeographicLib geodesic distance from the point to any sample.
	 */
	public static double referenceDistanceMetres(double lat, double lon, double[][]... rings) {
		double best = Double.POSITIVE_INFINITY;
		for (double[][] ring : rings) {
			for (int i = 0; i + 1 < ring.length; i++) {
				double lon1 = ring[i][0];
				double lat1 = ring[i][1];
				double lon2 = ring[i + 1][0];
				double lat2 = ring[i + 1][1];
				double length = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
				int samples = (int) Math.ceil(length / 2.0);
				for (int k = 0; k <= samples; k++) {
					double t = (double) k / samples;
					double d = Geodesic.WGS84.Inverse(lat, lon, lat1 + t * (lat2 - lat1), lon1 + t * (lon2 - lon1),
							GeodesicMask.DISTANCE).s12;
					best = Math.min(best, d);
				}
			}
		}
		return best;
	}
}
