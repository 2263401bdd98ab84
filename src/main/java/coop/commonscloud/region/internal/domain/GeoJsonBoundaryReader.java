package coop.commonscloud.region.internal.domain;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.StrictInput;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a region boundary from GeoJSON (RFC 7946): a Polygon, a MultiPolygon, a Feature with one
 * of those, or a FeatureCollection of such Features (their polygons together form the region).
 *
 * <p>Each fault is reported with where it is, so a person can find it in their file: rings that are
 * not closed or too short, positions outside WGS84's ranges, and geometries that JTS finds invalid
 * (self-intersections, holes outside their shell, overlapping polygons). The JSON-to-JTS mapping is
 * written here rather than taken from JTS's GeoJsonReader because that reader's errors do not say
 * where the fault is.
 */
public final class GeoJsonBoundaryReader {

	public static final int MAX_POSITIONS = 200_000;
	private static final JsonMapper JSON = JsonMapper.builder().addModule(StrictInput.jacksonModule()).build();
	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private int positions;

	private GeoJsonBoundaryReader() {
	}

	public static Boundary read(String geoJson) {
		return new Boundary(new GeoJsonBoundaryReader().multiPolygon(geoJson));
	}

	private MultiPolygon multiPolygon(String geoJson) {
		JsonNode root;
		try {
			root = JSON.readTree(geoJson);
		} catch (StrictInput.Refused e) {
			throw new InvalidInput("The boundary " + e.reason());
		} catch (JacksonException e) {
			throw new InvalidInput("The boundary is not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidInput("The boundary must be a GeoJSON object (Polygon, MultiPolygon, Feature or FeatureCollection)");
		}
		List<Polygon> polygons = new ArrayList<>();
		collect(root, "the boundary", polygons);
		if (polygons.isEmpty()) {
			throw new InvalidInput("The boundary has no polygons");
		}
		MultiPolygon multi = GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
		TopologyValidationError error = new IsValidOp(multi).getValidationError();
		if (error != null) {
			Coordinate at = error.getCoordinate();
			throw new InvalidInput("The boundary is not a valid geometry: " + error.getMessage()
					+ (at == null ? "" : " at or near longitude " + at.x + ", latitude " + at.y));
		}
		return multi;
	}

	private void collect(JsonNode node, String where, List<Polygon> into) {
		String type = text(node.get("type"));
		switch (type == null ? "" : type) {
			case "Polygon" -> into.add(polygon(coordinates(node, where), where));
			case "MultiPolygon" -> {
				JsonNode list = coordinates(node, where);
				for (int i = 0; i < list.size(); i++) {
					into.add(polygon(list.get(i), "polygon " + (i + 1) + " of " + where));
				}
			}
			case "Feature" -> {
				JsonNode geometry = node.get("geometry");
				if (geometry == null || geometry.isNull() || !geometry.isObject()) {
					throw new InvalidInput(capitalise(where) + " is a Feature without a geometry");
				}
				collect(geometry, where, into);
			}
			case "FeatureCollection" -> {
				JsonNode features = node.get("features");
				if (features == null || !features.isArray()) {
					throw new InvalidInput(capitalise(where) + " is a FeatureCollection without a 'features' array");
				}
				for (int i = 0; i < features.size(); i++) {
					JsonNode feature = features.get(i);
					if (!"Feature".equals(text(feature.get("type")))) {
						throw new InvalidInput("Item " + (i + 1) + " of the FeatureCollection is not a Feature");
					}
					collect(feature, "feature " + (i + 1), into);
				}
			}
			default -> throw new InvalidInput(capitalise(where) + " has type '" + type
					+ "'; a region boundary is a Polygon, MultiPolygon, Feature or FeatureCollection");
		}
	}

	private static JsonNode coordinates(JsonNode node, String where) {
		JsonNode coordinates = node.get("coordinates");
		if (coordinates == null || !coordinates.isArray()) {
			throw new InvalidInput(capitalise(where) + " has no 'coordinates' array");
		}
		return coordinates;
	}

	private Polygon polygon(JsonNode rings, String where) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new InvalidInput(capitalise(where) + " needs at least one ring of positions");
		}
		LinearRing shell = ring(rings.get(0), "the outer ring of " + where);
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int h = 1; h < rings.size(); h++) {
			holes[h - 1] = ring(rings.get(h), "hole " + h + " of " + where);
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private LinearRing ring(JsonNode ring, String where) {
		if (!ring.isArray()) {
			throw new InvalidInput(capitalise(where) + " is not an array of positions");
		}
		if (ring.size() < 4) {
			throw new InvalidInput(capitalise(where) + " has " + ring.size()
					+ " positions; a ring needs at least 4, the last the same as the first");
		}
		positions += ring.size();
		if (positions > MAX_POSITIONS) {
			throw new InvalidInput("The boundary has more than " + MAX_POSITIONS + " positions; simplify it first");
		}
		Coordinate[] coordinates = new Coordinate[ring.size()];
		for (int p = 0; p < ring.size(); p++) {
			coordinates[p] = position(ring.get(p), "position " + (p + 1) + " of " + where);
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			throw new InvalidInput(capitalise(where) + " is not closed: its first position ["
					+ coordinates[0].x + ", " + coordinates[0].y + "] differs from its last ["
					+ coordinates[coordinates.length - 1].x + ", " + coordinates[coordinates.length - 1].y + "]");
		}
		return GEOMETRY.createLinearRing(coordinates);
	}

	private static Coordinate position(JsonNode position, String where) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw new InvalidInput(capitalise(where) + " is not a [longitude, latitude] pair of numbers");
		}
		double lon = position.get(0).doubleValue();
		double lat = position.get(1).doubleValue();
		if (!(lon >= -180 && lon <= 180)) {
			throw new InvalidInput(capitalise(where) + " has longitude " + lon + ", outside -180 to 180");
		}
		if (!(lat >= -90 && lat <= 90)) {
			throw new InvalidInput(capitalise(where) + " has latitude " + lat + ", outside -90 to 90");
		}
		return new Coordinate(lon, lat);
	}

	private static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : null;
	}

	private static String capitalise(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
