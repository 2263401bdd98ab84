package coop.commonscloud.demo.internal;

import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Contact;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import coop.commonscloud.region.Regions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sample region Naarm (Melbourne): three partners, seven sites and nine servers, every one
 * made up. Two sites stand outside the boundary on purpose: one within the 1 km allowance, whose
 * server qualifies, and one in Geelong, whose regional server does not. Registration numbers,
 * e-mail domains ({@code .example}), phone numbers (ACMA's fictitious ranges) and autonomous-system
 * numbers (RFC 5398's documentation range) cannot reach anyone real.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class NaarmDemo {

	static final RegionSlug SLUG = new RegionSlug("naarm");
	static final String NAME = "Naarm (Melbourne)";
	static final String BOUNDARY = "demo/naarm-boundary.geojson";
	/** Shared by the demo's partner admins; printed in the log and the README. Demo data only. */
	static final String DEMO_PASSWORD = "commons-demo-password";

	static final String MERRI = "Merri Creek Digital Co-operative Ltd";
	static final String WESTSIDE = "Westside Community Hosting Association Inc.";
	static final String RANGES = "Yarra Ranges Tech Collective";

	/** The regional servers inside the boundary. */
	static final List<String> INSIDE = List.of("merri-1", "merri-2", "westside-1", "westside-library", "ranges-home");
	/** Outside the boundary, but within the allowance: it qualifies. */
	static final String JUST_OUTSIDE = "ranges-silvan";
	/** Outside the boundary by some 30 km: it does not qualify. */
	static final String FAR_OUTSIDE = "westside-geelong";

	record Loaded(int partners, int sites, int servers, List<String> adminUsernames) {
	}

	private final Regions regions;
	private final Sites sites;
	private final Partners partners;
	private final Servers servers;
	private final Accounts accounts;

	/** Loads everything; the caller must be a steward. */
	Loaded load() {
		regions.createOrRename(SLUG, NAME);
		regions.setBoundary(SLUG, boundary());

		PartnerId merri = register(MERRI, Structure.REGISTERED_COOPERATIVE, "C0088421",
				new Contact("Mei Lin Tan", "Secretary", "secretary@merri-creek-digital.example", "+61 3 7010 1234"),
				new Contact("Tomás Rivera", "Operations", "ops@merri-creek-digital.example", "+61 491 570 156"));
		PartnerId westside = register(WESTSIDE, Structure.OTHER_INCORPORATED_BODY, "A0112233B",
				new Contact("Priya Raman", "Public officer", "office@westside-hosting.example", "+61 3 7010 2345"));
		PartnerId ranges = register(RANGES, Structure.UNINCORPORATED_COLLECTIVE, null,
				new Contact("Sam O'Connor", "Convenor", "hello@yarra-ranges-tech.example", "+61 491 570 157"));

		SiteId brunswick = site(merri, "Merri Creek Digital rack, Brunswick East", SiteKind.PARTNER_RACK,
				-37.7715, 144.9745, "Unit 4, 88 Nicholson Street, Brunswick East VIC 3057");
		SiteId coburg = site(null, "Coburg Community House", SiteKind.COMMUNITY_HOUSE,
				-37.7430, 144.9660, "12 Bell Street, Coburg VIC 3058");
		SiteId footscray = site(null, "Footscray Library", SiteKind.LIBRARY,
				-37.8005, 144.8990, "Paisley Street, Footscray VIC 3011");
		SiteId sunshine = site(westside, "Westside rack, Sunshine", SiteKind.PARTNER_RACK,
				-37.7880, 144.8325, "Unit 7, 30 Hampshire Road, Sunshine VIC 3020");
		SiteId geelong = site(westside, "Westside rack, Geelong", SiteKind.PARTNER_RACK,
				-38.1480, 144.3600, "Unit 2, 15 Moorabool Street, Geelong VIC 3220");
		SiteId ringwood = site(ranges, "A member's home in Ringwood", SiteKind.HOME,
				-37.8150, 145.2300, "Ringwood VIC 3134");
		SiteId silvan = site(ranges, "Collective's shed, Silvan", SiteKind.PARTNER_RACK,
				-37.8300, 145.4020, "Monbulk Road, Silvan VIC 3795");

		server(merri, brunswick, "merri-1", ServerRole.REGIONAL,
				"Lenovo ThinkCentre M720q Tiny, Intel Core i5-8500T, 32 GB RAM, 2 × 2 TB NVMe (ZFS mirror)",
				35, 12, 5120, 2400, null, null);
		server(merri, coburg, "merri-2", ServerRole.REGIONAL,
				"Dell OptiPlex 7070 Micro, Intel Core i5-9500T, 32 GB RAM, 2 TB NVMe and 4 TB SATA SSD",
				30, 10, 2560, 1500, null, null);
		server(merri, null, "merri-backup", ServerRole.OFF_SITE_BACKUP,
				"Rented virtual machine: 4 vCPU, 8 GB RAM, 8 TB object storage for encrypted backups",
				45, 45, 0, 0, "Derwent Colocation Pty Ltd, Hobart", 64500L);
		server(westside, sunshine, "westside-1", ServerRole.REGIONAL,
				"Supermicro SYS-E300-9D, Intel Xeon D-2123IT, 64 GB ECC RAM, 2 × 4 TB NVMe",
				60, 25, 7680, 3300, null, null);
		server(westside, footscray, "westside-library", ServerRole.REGIONAL,
				"Raspberry Pi 5, 8 GB RAM, 1 TB NVMe on a HAT", 8, 4, 1024, 400, null, null);
		server(westside, geelong, FAR_OUTSIDE, ServerRole.REGIONAL,
				"HP EliteDesk 800 G4 Mini, Intel Core i5-8500T, 16 GB RAM, 1 TB NVMe", 30, 10, 1280, 0, null, null);
		server(westside, null, "ns1-westside", ServerRole.DNS,
				"Rented virtual machine: 1 vCPU, 1 GB RAM, authoritative DNS on an anycast network",
				5, 5, 0, 0, "Harbour Anycast Pty Ltd, Sydney", 64501L);
		server(ranges, ringwood, "ranges-home", ServerRole.REGIONAL,
				"Framework Laptop 13 mainboard (Intel Core i5-1240P) in a desktop case, 32 GB RAM, 2 TB NVMe",
				15, 6, 2048, 1200, null, null);
		server(ranges, silvan, JUST_OUTSIDE, ServerRole.REGIONAL,
				"ODROID-H3+, Intel Celeron N6005, 32 GB RAM, 2 × 2 TB SATA SSD", 12, 5, 3072, 800, null, null);

		List<String> admins = List.of(
				admin("merri-admin", "Tomás Rivera (Merri Creek Digital)", merri),
				admin("westside-admin", "Priya Raman (Westside Community Hosting)", westside),
				admin("ranges-admin", "Sam O'Connor (Yarra Ranges Tech Collective)", ranges));
		return new Loaded(3, sites.inRegion(SLUG).size(),
				servers.ofPartner(merri).size() + servers.ofPartner(westside).size() + servers.ofPartner(ranges).size(),
				admins);
	}

	private static String boundary() {
		try {
			return new ClassPathResource(BOUNDARY).getContentAsString(StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("The demo boundary " + BOUNDARY + " is missing from the classpath", e);
		}
	}

	private PartnerId register(String legalName, Structure structure, String registrationNumber, Contact... contacts) {
		Partner partner = partners.register(new PartnerDetails(legalName, structure, registrationNumber, List.of(contacts)));
		return partner.id();
	}

	private SiteId site(PartnerId partner, String name, SiteKind kind, double latitude, double longitude,
			String address) {
		return sites.add(new SiteDetails(SLUG, partner, name, kind, new Coordinates(latitude, longitude), address)).id();
	}

	private void server(PartnerId partner, SiteId site, String name, ServerRole role, String hardware, int nominalDrawW,
			int lowPowerDrawW, int batteryWh, int renewablePeakW, String hostingCompany, Long asn) {
		servers.add(new ServerDetails(partner, site, name, role, hardware, nominalDrawW, lowPowerDrawW, batteryWh,
				renewablePeakW, hostingCompany, asn));
	}

	private String admin(String username, String displayName, PartnerId partner) {
		accounts.open(new NewAccount(username, displayName, DEMO_PASSWORD, Role.PARTNER_ADMIN, partner.value()));
		return username;
	}
}
