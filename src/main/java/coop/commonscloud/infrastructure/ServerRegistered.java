package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;

/** A partner registered a new server: its locality, renewables and resilience are to be judged. */
public record ServerRegistered(ServerId server, PartnerId partner, Instant at) {
}
