package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A server as a person types it, kept as text so a refused form comes back exactly as it was sent. */
record ServerForm(String site, String name, String role, String hardware, String nominalDrawW, String lowPowerDrawW,
		String batteryWh, String renewablePeakW, String hostingCompany, String asn) {

	static ServerForm of(Server server) {
		ServerDetails d = server.details();
		return new ServerForm(d.site() == null ? "" : d.site().toString(), d.name(), d.role().name(), d.hardware(),
				Integer.toString(d.nominalDrawW()), Integer.toString(d.lowPowerDrawW()), Integer.toString(d.batteryWh()),
				Integer.toString(d.renewablePeakW()), d.hostingCompany(), d.asn() == null ? null : d.asn().toString());
	}

	ServerDetails details(PartnerId partner) {
		List<String> problems = new ArrayList<>();
		Long nominal = whole("The nominal draw", nominalDrawW, true, problems);
		Long low = whole("The low-power draw", lowPowerDrawW, true, problems);
		Long battery = whole("The battery", batteryWh, false, problems);
		Long renewable = whole("The renewable peak", renewablePeakW, false, problems);
		Long as = whole("The autonomous-system number", asn, false, problems);
		ServerRole parsedRole = role(problems);
		SiteId siteId = siteId(problems);
		for (Long watts : new Long[] {nominal, low, battery, renewable}) {
			if (watts != null && watts > Integer.MAX_VALUE) {
				problems.add("Power figures must be below " + Integer.MAX_VALUE + "; got " + watts);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new ServerDetails(partner, siteId, name, parsedRole, hardware, nominal.intValue(), low.intValue(),
				Objects.requireNonNullElse(battery, 0L).intValue(), Objects.requireNonNullElse(renewable, 0L).intValue(),
				hostingCompany, as);
	}

	private ServerRole role(List<String> problems) {
		try {
			return role == null || role.isBlank() ? null : ServerRole.valueOf(role);
		} catch (IllegalArgumentException e) {
			problems.add("Choose the server's role from the list; got '" + role + "'");
			return null;
		}
	}

	private SiteId siteId(List<String> problems) {
		try {
			return site == null || site.isBlank() ? null : new SiteId(UUID.fromString(site));
		} catch (IllegalArgumentException e) {
			problems.add("Choose the server's site from the list");
			return null;
		}
	}

	/** A whole number, or null (blank and optional); a problem when missing or not a number. */
	private static Long whole(String what, String text, boolean required, List<String> problems) {
		if (text == null || text.isBlank()) {
			if (required) {
				problems.add(what + " is missing: enter a whole number");
			}
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		} catch (NumberFormatException e) {
			problems.add(what + " must be a whole number; got '" + text.strip() + "'");
			return null;
		}
	}
}
