package coop.commonscloud.partners;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

public record PartnerRegistered(PartnerId partner, String legalName, Instant at) {
}
