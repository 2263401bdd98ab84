package coop.commonscloud.region;

/**
 * Where a point stands against the region's boundary. The distance is geodesic, in metres, from
 * the point to the nearest point of the boundary line, whether the point is inside or outside.
 */
public record Locality(boolean inside, double distanceToBoundaryMetres, double allowanceMetres, boolean qualifies) {

	public static Locality of(boolean inside, double distanceToBoundaryMetres, double allowanceMetres) {
		return new Locality(inside, distanceToBoundaryMetres, allowanceMetres,
				inside || distanceToBoundaryMetres <= allowanceMetres);
	}
}
