package coop.commonscloud.infrastructure;

import coop.commonscloud.region.SiteId;
import java.util.Objects;
import java.util.UUID;

/** What a power reading is about: one server, or a whole site (a site-level meter). */
public record TelemetrySource(Kind kind, UUID id) {

	public enum Kind {
		SERVER, SITE
	}

	public TelemetrySource {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
	}

	public static TelemetrySource server(ServerId server) {
		return new TelemetrySource(Kind.SERVER, server.value());
	}

	public static TelemetrySource site(SiteId site) {
		return new TelemetrySource(Kind.SITE, site.value());
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
	}
}
