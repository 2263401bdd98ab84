package coop.commonscloud.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.Role;
import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("demo")
class DemoRegionLoaderTests {

	@Autowired
	DemoRegionLoader loader;

	@Autowired
	Regions regions;

	@Autowired
	Sites sites;

	@Autowired
	Partners partners;

	@Autowired
	Servers servers;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void the_demo_profile_loads_the_sample_region_at_start() {
		Region region = regions.get(NaarmDemo.SLUG);
		assertThat(region.name()).isEqualTo("Naarm (Melbourne)");
		assertThat(region.hasBoundary()).isTrue();
		assertThat(regions.outline(NaarmDemo.SLUG)).hasValueSatisfying(outline ->
				assertThat(outline.polygons()).singleElement().satisfies(rings -> assertThat(rings).hasSize(2)));

		assertThat(sites.inRegion(NaarmDemo.SLUG)).hasSize(7)
				.extracting(Site::kind)
				.contains(SiteKind.COMMUNITY_HOUSE, SiteKind.LIBRARY, SiteKind.PARTNER_RACK, SiteKind.HOME);
		assertThat(demoPartners()).hasSize(3);
		assertThat(demoPartners()).map(Partner::id).flatMap(servers::ofPartner).hasSize(9);
		assertThat(servers.inRegion(NaarmDemo.SLUG)).hasSize(7);
	}

	@Test
	void each_partner_has_an_admin_who_signs_in_with_the_documented_demo_password() {
		Map<String, Partner> byName = demoPartners().stream()
				.collect(Collectors.toMap(Partner::legalName, Function.identity()));
		assertThat(admin("merri-admin").partnerId()).isEqualTo(byName.get(NaarmDemo.MERRI).id());
		assertThat(admin("westside-admin").partnerId()).isEqualTo(byName.get(NaarmDemo.WESTSIDE).id());
		assertThat(admin("ranges-admin").partnerId()).isEqualTo(byName.get(NaarmDemo.RANGES).id());
		assertThat(passwords.matches("commons-demo-password", users.loadUserByUsername("merri-admin").getPassword()))
				.isTrue();
	}

	@Test
	void running_the_loader_again_adds_nothing() throws Exception {
		int sitesBefore = sites.inRegion(NaarmDemo.SLUG).size();
		int serversBefore = servers.inRegion(NaarmDemo.SLUG).size();
		long partnersBefore = partners.list(new Paged.Request(0, 1)).totalItems();

		loader.run(new DefaultApplicationArguments());
		loader.run(new DefaultApplicationArguments());

		assertThat(sites.inRegion(NaarmDemo.SLUG)).hasSize(sitesBefore);
		assertThat(servers.inRegion(NaarmDemo.SLUG)).hasSize(serversBefore);
		assertThat(partners.list(new Paged.Request(0, 1)).totalItems()).isEqualTo(partnersBefore);
		assertThat(demoPartners()).hasSize(3);
	}

	@Test
	void the_demo_servers_get_the_intended_locality_verdicts() {
		Map<String, ServerLocality> byName = servers.inRegion(NaarmDemo.SLUG).stream()
				.collect(Collectors.toMap(s -> s.server().details().name(), Function.identity()));

		assertThat(NaarmDemo.INSIDE).allSatisfy(name -> {
			ServerLocality server = byName.get(name);
			assertThat(server.locality().inside()).as(name + " is inside").isTrue();
			assertThat(server.qualifies()).as(name + " qualifies").isTrue();
		});

		ServerLocality justOutside = byName.get(NaarmDemo.JUST_OUTSIDE);
		assertThat(justOutside.locality().inside()).isFalse();
		assertThat(justOutside.locality().distanceToBoundaryMetres()).isBetween(100.0, 1000.0);
		assertThat(justOutside.qualifies()).isTrue();

		ServerLocality farOutside = byName.get(NaarmDemo.FAR_OUTSIDE);
		assertThat(farOutside.locality().inside()).isFalse();
		assertThat(farOutside.locality().distanceToBoundaryMetres()).isGreaterThan(10_000.0);
		assertThat(farOutside.qualifies()).isFalse();
	}

	private List<Partner> demoPartners() {
		List<String> names = List.of(NaarmDemo.MERRI, NaarmDemo.WESTSIDE, NaarmDemo.RANGES);
		// the shared test database holds more partners than one page: read every page
		List<Partner> found = new java.util.ArrayList<>();
		Paged<Partner> page = partners.list(new Paged.Request(0, Paged.MAX_SIZE));
		for (int next = 1; ; next++) {
			page.items().stream().filter(p -> names.contains(p.legalName())).forEach(found::add);
			if (next >= page.totalPages()) {
				return found;
			}
			page = partners.list(new Paged.Request(next, Paged.MAX_SIZE));
		}
	}

	private Account admin(String username) {
		Account account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.PARTNER_ADMIN);
		return account;
	}
}
