package coop.commonscloud;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web pages against the real application and database, signed in as the people who use them.
 * Each test gets its own region, two partners (one with an admin), two sites and two servers.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class WebPageTestSupport {

	/** A square region with a square hole, around 145°E 37.8°S. */
	static final String BOUNDARY = """
			{"type":"Polygon","coordinates":[
			 [[144.9,-37.9],[145.1,-37.9],[145.1,-37.7],[144.9,-37.7],[144.9,-37.9]],
			 [[144.98,-37.82],[145.02,-37.82],[145.02,-37.78],[144.98,-37.78],[144.98,-37.82]]]}""";

	static final UsernamePasswordAuthenticationToken STEWARD = UsernamePasswordAuthenticationToken.authenticated(
			"admin", null, List.of(new SimpleGrantedAuthority("ROLE_STEWARD")));

	@Autowired
	MockMvc mvc;
	@Autowired
	Regions regions;
	@Autowired
	Partners partners;
	@Autowired
	Sites sites;
	@Autowired
	Servers servers;
	@Autowired
	Accounts accounts;
	@Autowired
	UserDetailsService users;

	String suffix;
	RegionSlug region;
	Partner partner;
	Partner otherPartner;
	String adminName;

	@BeforeEach
	void a_region_with_two_partners_one_of_them_with_an_admin_a_site_and_servers() {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			region = new RegionSlug("web-" + suffix);
			regions.createOrRename(region, "Web Region " + suffix);
			regions.setBoundary(region, BOUNDARY);
			partner = partners.register(new PartnerDetails("Solar Co-op " + suffix, Structure.REGISTERED_COOPERATIVE,
					"A" + suffix, List.of()));
			otherPartner = partners.register(new PartnerDetails("Other Co-op " + suffix,
					Structure.UNINCORPORATED_COLLECTIVE, null, List.of()));
			adminName = "admin-" + suffix;
			accounts.open(new NewAccount(adminName, "Partner Admin", "a-long-enough-password", Role.PARTNER_ADMIN,
					partner.id().value()));
			Site library = sites.add(new SiteDetails(region, partner.id(), "Library " + suffix, SiteKind.LIBRARY,
					new Coordinates(-37.75, 144.95), "1 Main Street"));
			Site far = sites.add(new SiteDetails(region, partner.id(), "Far Shed " + suffix, SiteKind.PARTNER_RACK,
					new Coordinates(-38.2, 145.0), null));
			servers.add(new ServerDetails(partner.id(), library.id(), "near-" + suffix, ServerRole.REGIONAL, null, 40,
					10, 1000, 300, null, null));
			servers.add(new ServerDetails(partner.id(), far.id(), "far-" + suffix, ServerRole.REGIONAL, null, 40, 10,
					1000, 300, null, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	RequestPostProcessor signedIn(String username) {
		return user(users.loadUserByUsername(username));
	}

	static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}
}
