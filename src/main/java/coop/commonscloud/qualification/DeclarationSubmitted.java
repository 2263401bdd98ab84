package coop.commonscloud.qualification;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

/** A partner submitted its yearly financial declaration (the figures stay private). */
public record DeclarationSubmitted(PartnerId partner, int year, Instant at) {
}
