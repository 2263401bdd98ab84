package coop.commonscloud.region.internal.domain;

import coop.commonscloud.region.BoundaryOutline;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Locality;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A region's boundary: one or more polygons with holes, in WGS84 longitude/latitude.
 *
 * <p>Inside is decided by JTS on the polygons as GeoJSON (RFC 7946) defines them, with straight
 * edges in longitude/latitude. Distance is geodesic on the WGS84 ellipsoid (GeographicLib), from
 * the point to the nearest point of any ring, shells and holes alike. Edges are first cut into
 * pieces of at most {@link #PIECE_METRES}, so that a piece departs from the geodesic between its
 * ends by a few millimetres at most; the nearest piece is then searched along its geodesic.
 */
public final class Boundary {

	static final double PIECE_METRES = 500;
	private static final Geodesic WGS84 = Geodesic.WGS84;
	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final MultiPolygon polygons;
	private final PreparedGeometry prepared;
	/** Every ring, densified, as alternating latitude, longitude. */
	private final List<double[]> rings;

	public Boundary(MultiPolygon polygons) {
		this.polygons = polygons;
		this.prepared = PreparedGeometryFactory.prepare(polygons);
		this.rings = new ArrayList<>();
		for (int i = 0; i < polygons.getNumGeometries(); i++) {
			Polygon polygon = (Polygon) polygons.getGeometryN(i);
			rings.add(densify(polygon.getExteriorRing()));
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				rings.add(densify(polygon.getInteriorRingN(h)));
			}
		}
	}

	public MultiPolygon polygons() {
		return polygons;
	}

	public int polygonCount() {
		return polygons.getNumGeometries();
	}

	public int holeCount() {
		int holes = 0;
		for (int i = 0; i < polygons.getNumGeometries(); i++) {
			holes += ((Polygon) polygons.getGeometryN(i)).getNumInteriorRing();
		}
		return holes;
	}

	/** Inside the polygons, or on their boundary; a point in a hole is outside. */
	public boolean contains(Coordinates point) {
		return prepared.covers(GEOMETRY.createPoint(new Coordinate(point.longitude(), point.latitude())));
	}

	/** The geodesic distance in metres from the point to the nearest point of the boundary line. */
	public double distanceMetres(Coordinates point) {
		double lat = point.latitude();
		double lon = point.longitude();
		// 1. distance to every vertex of the densified rings
		double nearestVertex = Double.POSITIVE_INFINITY;
		List<double[]> vertexDistances = new ArrayList<>(rings.size());
		for (double[] ring : rings) {
			double[] distances = new double[ring.length / 2];
			for (int v = 0; v < distances.length; v++) {
				distances[v] = WGS84.Inverse(lat, lon, ring[2 * v], ring[2 * v + 1], GeodesicMask.DISTANCE).s12;
				nearestVertex = Math.min(nearestVertex, distances[v]);
			}
			vertexDistances.add(distances);
		}
		// 2. the nearest point lies on a piece whose nearer end is at most one piece farther than the
		// nearest vertex; search those pieces along their geodesics
		double best = nearestVertex;
		double reach = nearestVertex + PIECE_METRES * 1.01;
		for (int r = 0; r < rings.size(); r++) {
			double[] ring = rings.get(r);
			double[] distances = vertexDistances.get(r);
			for (int v = 0; v + 1 < distances.length; v++) {
				if (Math.min(distances[v], distances[v + 1]) <= reach) {
					best = Math.min(best, nearestOnPiece(lat, lon, ring[2 * v], ring[2 * v + 1], ring[2 * v + 2],
							ring[2 * v + 3]));
				}
			}
		}
		return best;
	}

	public Locality localityOf(Coordinates point, double allowanceMetres) {
		return Locality.of(contains(point), distanceMetres(point), allowanceMetres);
	}

	public BoundaryOutline outline() {
		List<List<List<double[]>>> outline = new ArrayList<>();
		for (int i = 0; i < polygons.getNumGeometries(); i++) {
			Polygon polygon = (Polygon) polygons.getGeometryN(i);
			List<List<double[]>> rings = new ArrayList<>();
			rings.add(positions(polygon.getExteriorRing()));
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				rings.add(positions(polygon.getInteriorRingN(h)));
			}
			outline.add(rings);
		}
		var envelope = polygons.getEnvelopeInternal();
		return new BoundaryOutline(outline, envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(),
				envelope.getMaxY());
	}

	private static List<double[]> positions(LinearRing ring) {
		List<double[]> positions = new ArrayList<>();
		for (Coordinate c : ring.getCoordinates()) {
			positions.add(new double[] {c.x, c.y});
		}
		return positions;
	}

	/** Golden-section search for the least distance from the point to the geodesic piece A–B. */
	private static double nearestOnPiece(double lat, double lon, double latA, double lonA, double latB, double lonB) {
		GeodesicLine line = WGS84.InverseLine(latA, lonA, latB, lonB,
				GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
		double length = line.Distance();
		double lo = 0;
		double hi = length;
		final double phi = (Math.sqrt(5) - 1) / 2;
		double x1 = hi - phi * (hi - lo);
		double x2 = lo + phi * (hi - lo);
		double f1 = distanceTo(line, x1, lat, lon);
		double f2 = distanceTo(line, x2, lat, lon);
		while (hi - lo > 0.001) {
			if (f1 < f2) {
				hi = x2;
				x2 = x1;
				f2 = f1;
				x1 = hi - phi * (hi - lo);
				f1 = distanceTo(line, x1, lat, lon);
			} else {
				lo = x1;
				x1 = x2;
				f1 = f2;
				x2 = lo + phi * (hi - lo);
				f2 = distanceTo(line, x2, lat, lon);
			}
		}
		return Math.min(Math.min(f1, f2), Math.min(distanceTo(line, 0, lat, lon), distanceTo(line, length, lat, lon)));
	}

	private static double distanceTo(GeodesicLine line, double s, double lat, double lon) {
		GeodesicData p = line.Position(s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
		return WGS84.Inverse(lat, lon, p.lat2, p.lon2, GeodesicMask.DISTANCE).s12;
	}

	/** Cuts each edge, straight in longitude/latitude as RFC 7946 has it, into pieces of at most PIECE_METRES. */
	private static double[] densify(LinearRing ring) {
		Coordinate[] cs = ring.getCoordinates();
		List<Double> out = new ArrayList<>();
		for (int i = 0; i + 1 < cs.length; i++) {
			double lon1 = cs[i].x;
			double lat1 = cs[i].y;
			double lon2 = cs[i + 1].x;
			double lat2 = cs[i + 1].y;
			double length = WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
			int pieces = Math.max(1, (int) Math.ceil(length / PIECE_METRES));
			for (int k = 0; k < pieces; k++) {
				double t = (double) k / pieces;
				out.add(lat1 + t * (lat2 - lat1));
				out.add(lon1 + t * (lon2 - lon1));
			}
		}
		out.add(cs[cs.length - 1].y);
		out.add(cs[cs.length - 1].x);
		double[] flat = new double[out.size()];
		for (int i = 0; i < flat.length; i++) {
			flat[i] = out.get(i);
		}
		return flat;
	}
}
