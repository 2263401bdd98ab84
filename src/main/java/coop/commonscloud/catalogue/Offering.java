package coop.commonscloud.catalogue;

/** A partner's service offering. */
public record Offering(OfferingId id, OfferingDetails details) {
}
