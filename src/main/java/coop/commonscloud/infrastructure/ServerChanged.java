package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

/**
 * A server's details changed (its site, role, hosting company, power figures...): verdicts about it
 * are out of date. {@code formerPartner} is the partner it belonged to before, the same as
 * {@code partner} unless it changed hands.
 */
public record ServerChanged(ServerId server, PartnerId partner, PartnerId formerPartner, Instant at) {
}
