package coop.commonscloud.region;

import java.util.List;
import java.util.Optional;

/** The regions this deployment serves, their boundaries and the locality rule. */
public interface Regions {

	/** Creates the region, or renames it if it exists; stewards only. */
	Region createOrRename(RegionSlug slug, String name);

	/** Replaces the boundary with a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection; stewards only. */
	Region setBoundary(RegionSlug slug, String geoJson);

	Optional<Region> find(RegionSlug slug);

	Region get(RegionSlug slug);

	List<Region> all();

	/**
	 * The region this deployment serves: the one named by {@code commonscloud.region.home}, else the only one there
	 * is; empty when the named one does not exist, or there are none or several and none is named.
	 */
	Optional<Region> served();

	/** The boundary as stored (GeoJSON), if set. */
	Optional<String> boundaryGeoJson(RegionSlug slug);

	Optional<BoundaryOutline> outline(RegionSlug slug);

	/** Applies the locality rule with the allowance in force now. */
	Locality locality(RegionSlug slug, Coordinates point);
}
