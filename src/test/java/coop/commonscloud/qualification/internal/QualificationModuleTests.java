package coop.commonscloud.qualification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Contact;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionBoundaryChanged;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Qualification with the modules it reads, on the real database: a region's new boundary re-evaluates
 * its servers' locality, and a re-evaluation that fails leaves the event's publication incomplete so
 * that it is delivered again. The caller (identity's) is mocked.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class QualificationModuleTests {

	/** Around the site at -37.85, 144.96. */
	static final String AROUND = "{\"type\":\"Polygon\",\"coordinates\":[[[144.9,-37.9],[145.0,-37.9],[145.0,-37.8],[144.9,-37.8],[144.9,-37.9]]]}";
	/** Some 600 km away from it. */
	static final String ELSEWHERE = "{\"type\":\"Polygon\",\"coordinates\":[[[150.0,-34.0],[150.1,-34.0],[150.1,-33.9],[150.0,-33.9],[150.0,-34.0]]]}";

	@Autowired
	Regions regions;
	@Autowired
	Sites sites;
	@MockitoSpyBean
	Servers servers;
	@Autowired
	Partners partners;
	@Autowired
	Qualification qualification;
	@Autowired
	JdbcClient jdbc;
	@MockitoBean
	Caller caller;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);
	final RegionSlug region = new RegionSlug("qual-mod-" + suffix);

	@BeforeEach
	void aSteward() {
		given(caller.username()).willReturn(Optional.of("admin"));
		given(caller.actor()).willReturn("admin");
		given(caller.isSteward()).willReturn(true);
		regions.createOrRename(region, "Qualification module region " + suffix);
	}

	UUID serverInTheRegion(PartnerId partner) {
		var site = sites.add(new SiteDetails(region, partner, "Site " + suffix, SiteKind.PARTNER_RACK, new Coordinates(-37.85, 144.96),
				null));
		return servers.add(new ServerDetails(partner, site.id(), "srv-" + suffix, ServerRole.REGIONAL, null, 40, 20, 5000, 400, null,
				null)).id().value();
	}

	PartnerId partner() {
		return partners.register(new PartnerDetails("Module Co-op " + suffix, Structure.OTHER_INCORPORATED_BODY, "C-" + UUID.randomUUID(),
				List.of(new Contact("Ngaio", "Secretary", "sec@example.coop", null)))).id();
	}

	Optional<Verdict.Code> locality(PartnerId partner, UUID server) {
		return qualification.latestVerdicts(partner).stream()
				.filter(v -> v.criterion() == Criterion.LOCAL && v.subjectId().equals(server)).findFirst().map(v -> v.verdict());
	}

	@Test
	void a_new_boundary_re_evaluates_the_locality_of_the_servers_in_the_region(Scenario scenario) {
		PartnerId partner = partner();
		UUID server = serverInTheRegion(partner);

		scenario.stimulate(() -> regions.setBoundary(region, AROUND)).andWaitForStateChange(() -> locality(partner, server)
				.filter(Verdict.Code.MET::equals).orElse(null)).andVerify(code -> assertThat(code).isEqualTo(Verdict.Code.MET));
		scenario.stimulate(() -> regions.setBoundary(region, ELSEWHERE)).andWaitForStateChange(() -> locality(partner, server)
				.filter(Verdict.Code.NOT_MET::equals).orElse(null)).andVerify(code -> assertThat(code).isEqualTo(Verdict.Code.NOT_MET));
		scenario.stimulate(() -> regions.setBoundary(region, AROUND)).andWaitForStateChange(() -> locality(partner, server)
				.filter(Verdict.Code.MET::equals).orElse(null)).andVerify(code -> assertThat(code).isEqualTo(Verdict.Code.MET));
	}

	@Test
	void a_re_evaluation_that_fails_leaves_the_event_publication_incomplete(Scenario scenario) {
		willThrow(new IllegalStateException("infrastructure is down")).given(servers).inRegion(region);

		scenario.stimulate(() -> regions.setBoundary(region, AROUND)).andWaitForEventOfType(RegionBoundaryChanged.class)
				.matching(e -> e.region().equals(region)).toArrive();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publication("status")).contains("FAILED"));
		assertThat(publication("completion_date")).containsNull();
	}

	private List<String> publication(String column) {
		return jdbc.sql("select " + column + "::text from event_publication where event_type = :t and serialized_event like :r "
				+ "and listener_id like '%QualificationTriggers%'").param("t", RegionBoundaryChanged.class.getName())
				.param("r", "%" + region.value() + "%").query(String.class).list();
	}
}
