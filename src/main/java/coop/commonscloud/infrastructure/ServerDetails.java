package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.SiteId;
import java.util.ArrayList;
import java.util.List;

/**
 * A server as its partner records it. Power figures are whole watts and watt-hours. A regional
 * server stands at one of the region's sites; an off-site server (backup, DNS, connector) names
 * its hosting company and autonomous-system number, and may have no site.
 */
public record ServerDetails(PartnerId partner, SiteId site, String name, ServerRole role, String hardware,
		int nominalDrawW, int lowPowerDrawW, int batteryWh, int renewablePeakW, String hostingCompany, Long asn) {

	public ServerDetails {
		List<String> problems = new ArrayList<>();
		if (partner == null) {
			problems.add("A server needs the partner that runs it");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add("A server needs a name of 1 to 100 characters");
		}
		if (role == null) {
			problems.add("Choose the server's role: REGIONAL, OFF_SITE_BACKUP, DNS or OPTIONAL_CONNECTOR");
		}
		if (hardware != null && hardware.length() > 500) {
			problems.add("The hardware summary is at most 500 characters");
		}
		if (nominalDrawW < 0 || lowPowerDrawW < 0 || batteryWh < 0 || renewablePeakW < 0) {
			problems.add("Power draw, battery and renewable peak cannot be negative");
		}
		if (lowPowerDrawW > nominalDrawW) {
			problems.add("The low-power draw (" + lowPowerDrawW + " W) cannot exceed the nominal draw (" + nominalDrawW + " W)");
		}
		if (role == ServerRole.REGIONAL && site == null) {
			problems.add("A regional server needs the site it stands at");
		}
		boolean hasCompany = hostingCompany != null && !hostingCompany.isBlank();
		if (role != null && role.offSite() && site == null && (!hasCompany || asn == null)) {
			problems.add("An off-site server without a site needs its hosting company and autonomous-system number");
		}
		if (asn != null && (asn < 1 || asn > 4_294_967_295L)) {
			problems.add("An autonomous-system number is from 1 to 4294967295; got " + asn);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		name = name.strip();
		hardware = hardware == null || hardware.isBlank() ? null : hardware.strip();
		hostingCompany = hasCompany ? hostingCompany.strip() : null;
	}
}
