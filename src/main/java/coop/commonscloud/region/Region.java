package coop.commonscloud.region;

/** A region of the federation: the brand people sign up with. */
public record Region(RegionSlug slug, String name, boolean hasBoundary) {
}
