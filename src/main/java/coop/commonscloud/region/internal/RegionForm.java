package coop.commonscloud.region.internal;

/** A region as a steward types it: slug and name, and a boundary pasted as GeoJSON (optional). */
record RegionForm(String slug, String name, String boundary) {

	static RegionForm blank() {
		return new RegionForm(null, null, null);
	}

	boolean hasBoundary() {
		return boundary != null && !boundary.isBlank();
	}
}
