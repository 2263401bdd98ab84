package coop.commonscloud.catalogue;

import java.time.Instant;

/**
 * Something the FOSS or LoRes criteria read has changed: an application (its licence or LoRes
 * flag), an offering, or the liberatory list (then both ids are null and every licence verdict
 * may have changed).
 */
public record CatalogueChanged(ApplicationId application, OfferingId offering, String liberatoryLicence, Instant at) {
}
