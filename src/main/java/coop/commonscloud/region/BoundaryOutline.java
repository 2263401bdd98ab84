package coop.commonscloud.region;

import java.util.List;

/**
 * The boundary as rings of coordinates, for drawing: each polygon is a list of rings, the first
 * its shell and the rest its holes; each ring is a closed list of [longitude, latitude] pairs.
 */
public record BoundaryOutline(List<List<List<double[]>>> polygons, double minLongitude, double minLatitude,
		double maxLongitude, double maxLatitude) {
}
