package coop.commonscloud.region.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import coop.commonscloud.region.Coordinates;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** For any point around a small irregular region, the distance agrees with a brute-force reference. */
class LocalityDistanceProperties {

	static final double[][] SHELL = {
			{144.90, -37.90}, {145.00, -37.92}, {145.06, -37.85}, {145.02, -37.78}, {144.93, -37.80}, {144.90, -37.90}};
	static final double[][] HOLE = {{144.96, -37.86}, {144.96, -37.84}, {144.99, -37.84}, {144.99, -37.86}, {144.96, -37.86}};
	static final Boundary BOUNDARY = GeoJsonBoundaryReader.read(
			"{\"type\":\"Polygon\",\"coordinates\":[" + RegionFixtures.ring(SHELL) + "," + RegionFixtures.ring(HOLE) + "]}");

	@Property(tries = 60)
	void distance_agrees_with_the_geographiclib_reference_within_half_a_percent(
			@ForAll @DoubleRange(min = -37.97, max = -37.73) double lat,
			@ForAll @DoubleRange(min = 144.85, max = 145.11) double lon) {
		double reference = RegionFixtures.referenceDistanceMetres(lat, lon, SHELL, HOLE);
		double distance = BOUNDARY.distanceMetres(new Coordinates(lat, lon));
		// the reference samples each edge every 2 m or less, so near an edge it can be up to 1 m long
		// itself (a point on the edge measures 0 m here, up to 1 m there); farther away its error vanishes
		assertThat(distance).isCloseTo(reference, within(Math.max(reference * 0.005, 1.0)));
		// never farther than the reference: the search finds the true nearest point or a nearer sample
		assertThat(distance).isLessThanOrEqualTo(reference + 0.01);
	}
}
