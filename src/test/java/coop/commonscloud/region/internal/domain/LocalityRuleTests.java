package coop.commonscloud.region.internal.domain;

import static coop.commonscloud.region.internal.domain.RegionFixtures.HOLE;
import static coop.commonscloud.region.internal.domain.RegionFixtures.SHELL;
import static coop.commonscloud.region.internal.domain.RegionFixtures.referenceDistanceMetres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Locality;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class LocalityRuleTests {

	static final double ALLOWANCE = 1000;
	final Boundary boundary = GeoJsonBoundaryReader.read(RegionFixtures.polygonWithHole());

	/** A point {@code metres} from the west edge's point at latitude -37.75, heading west (outward). */
	static Coordinates westOfTheWestEdge(double metres) {
		// the edge from (144.50, -37.62) to (144.40, -37.90); its point at -37.75 is at lon 144.4536
		double lon = 144.50 + (144.40 - 144.50) * ((-37.75 + 37.62) / (-37.90 + 37.62));
		GeodesicData d = Geodesic.WGS84.Direct(-37.75, lon, 270, metres);
		return new Coordinates(d.lat2, d.lon2);
	}

	void assertDistanceAgreesWithReference(Coordinates point, Locality locality) {
		double reference = referenceDistanceMetres(point.latitude(), point.longitude(), SHELL, HOLE);
		assertThat(locality.distanceToBoundaryMetres()).isCloseTo(reference, within(reference * 0.005));
	}

	@Test
	void a_point_well_inside_is_inside_and_qualifies() {
		Coordinates point = new Coordinates(-38.05, 145.30);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isTrue();
		assertThat(locality.qualifies()).isTrue();
		assertThat(locality.distanceToBoundaryMetres()).isGreaterThan(10_000);
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void a_point_inside_the_hole_is_outside_the_region_and_does_not_qualify() {
		Coordinates point = new Coordinates(-37.85, 144.99);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isFalse();
		assertThat(locality.qualifies()).isFalse();
		// the nearest boundary is the hole's ring, about 5.5 km away
		assertThat(locality.distanceToBoundaryMetres()).isBetween(4_000.0, 8_000.0);
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void a_point_inside_the_hole_near_its_ring_qualifies_through_the_allowance() {
		Coordinates point = new Coordinates(-37.85, 144.905);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isFalse();
		assertThat(locality.distanceToBoundaryMetres()).isLessThan(ALLOWANCE);
		assertThat(locality.qualifies()).isTrue();
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void a_point_outside_within_one_kilometre_qualifies() {
		Coordinates point = westOfTheWestEdge(600);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isFalse();
		assertThat(locality.distanceToBoundaryMetres()).isBetween(400.0, 600.5);
		assertThat(locality.qualifies()).isTrue();
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void a_point_outside_beyond_one_kilometre_does_not_qualify() {
		Coordinates point = westOfTheWestEdge(2500);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isFalse();
		assertThat(locality.distanceToBoundaryMetres()).isGreaterThan(ALLOWANCE);
		assertThat(locality.qualifies()).isFalse();
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void a_point_just_inside_an_edge_measures_to_that_edge() {
		Coordinates point = westOfTheWestEdge(-300);
		Locality locality = boundary.localityOf(point, ALLOWANCE);
		assertThat(locality.inside()).isTrue();
		assertThat(locality.distanceToBoundaryMetres()).isBetween(200.0, 300.5);
		assertDistanceAgreesWithReference(point, locality);
	}

	@Test
	void the_allowance_is_inclusive_at_its_edge() {
		Coordinates point = westOfTheWestEdge(1500);
		double distance = boundary.distanceMetres(point);
		assertThat(Locality.of(false, distance, distance).qualifies()).isTrue();
		assertThat(Locality.of(false, distance, distance - 0.01).qualifies()).isFalse();
	}

	@Test
	void a_vertex_of_the_boundary_is_inside_at_distance_zero() {
		Coordinates vertex = new Coordinates(-38.35, 144.95);
		Locality locality = boundary.localityOf(vertex, ALLOWANCE);
		assertThat(locality.inside()).isTrue();
		assertThat(locality.distanceToBoundaryMetres()).isLessThan(0.01);
	}
}
