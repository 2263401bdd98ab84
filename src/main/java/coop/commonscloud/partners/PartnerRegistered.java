package coop.commonscloud.partners;

import java.time.Instant;

public record PartnerRegistered(PartnerId partner, String legalName, Instant at) {
}
