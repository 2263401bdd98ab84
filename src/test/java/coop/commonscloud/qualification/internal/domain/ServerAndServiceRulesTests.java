package coop.commonscloud.qualification.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.qualification.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server criteria (local, renewables, resilient fallback) and service criteria (FOSS, LoRes). */
class ServerAndServiceRulesTests {

	static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
	static final LocalDate FROM = LocalDate.parse("2026-03-02");
	static final LocalDate TO = LocalDate.parse("2027-03-01");
	static final List<ExcludedHost> EXCLUDED = List.of(new ExcludedHost("Amazon", 16509L), new ExcludedHost("Amazon", 14618L),
			new ExcludedHost("Google", 15169L), new ExcludedHost("Google", 396982L), new ExcludedHost("Google", 19527L),
			new ExcludedHost("Microsoft", 8075L), new ExcludedHost("Microsoft", 8068L));

	static ServerFacts regional(Optional<ServerFacts.LocalityFacts> locality, String share, int fullDays, String supply,
			Instant firstReading, ServerFacts.EnduranceFacts endurance) {
		return new ServerFacts("rack-1", false, "Regional", null, null, locality, Optional.ofNullable(share).map(BigDecimal::new),
				FROM, TO, firstReading, NOW, fullDays, supply, endurance, NOW);
	}

	static ServerFacts offSite(String company, Long asn) {
		return new ServerFacts("backup-1", true, "Off-site backup", company, asn, Optional.empty(), Optional.empty(), FROM, TO,
				null, null, 0, null, null, NOW);
	}

	@ParameterizedTest(name = "{0} m outside with an allowance of {1} m: {2}")
	@CsvSource({ "1000, 1000, MET", "1001, 1000, NOT_MET", "999, 1000, MET", "1, 0, NOT_MET", "0, 0, MET" })
	void a_regional_server_meets_the_locality_rule(double distance, double allowance, String expected) {
		var l = new ServerFacts.LocalityFacts(false, distance, allowance, distance <= allowance);
		assertThat(ServerRules.local(regional(Optional.of(l), "90", 1, "On site", NOW, null), EXCLUDED).code().name()).isEqualTo(expected);
	}

	@Test
	void a_regional_server_inside_the_region_is_local_and_one_without_a_boundary_is_pending() {
		var inside = new ServerFacts.LocalityFacts(true, 5000, 1000, true);
		assertThat(ServerRules.local(regional(Optional.of(inside), "90", 1, "On site", NOW, null), EXCLUDED)).returns(Verdict.Code.MET, Verdict::code);
		assertThat(ServerRules.local(regional(Optional.empty(), "90", 1, "On site", NOW, null), EXCLUDED)).returns(Verdict.Code.PENDING, Verdict::code);
	}

	@ParameterizedTest(name = "off-site at ''{0}'' AS{1}: {2}")
	@CsvSource({ "Amazon Web Services, 16509, NOT_MET", "Hetzner, 14618, NOT_MET", "Google LLC, 64500, NOT_MET",
			"Some Host, 396982, NOT_MET", "Microsoft Azure, 8075, NOT_MET", "Microsoft Corporation, 8068, NOT_MET",
			"Some Host, 19527, NOT_MET", "Some Host, 15169, NOT_MET", "Amazonia Hosting Co-op, 64501, MET",
			"Hetzner Online, 24940, MET", "Merri Backup Co-op, 64502, MET", "googleplex Services, 64503, MET" })
	void an_off_site_server_is_never_hosted_by_amazon_google_or_microsoft(String company, long asn, String expected) {
		Verdict v = ServerRules.local(offSite(company, asn), EXCLUDED);
		assertThat(v.code().name()).as(v.reasons().toString()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "share {0} % against a minimum of {1} %: {2}")
	@CsvSource({ "80.00, 80, MET", "79.99, 80, NOT_MET", "80.01, 80, MET", "90.00, 90, MET", "89.99, 90, NOT_MET", "100, 100, MET" })
	void the_renewable_share_reaches_the_minimum(String share, String minimum, String expected) {
		Verdict v = ServerRules.renewables(regional(Optional.empty(), share, 3, "On site", NOW, null), new BigDecimal(minimum));
		assertThat(v.code().name()).isEqualTo(expected);
		assertThat(v.reasons().get(0)).contains(share + " %").contains("from ").contains(" to 2027-03-01");
	}

	@Test
	void renewables_needs_a_fully_renewable_day_telemetry_and_a_declared_supply() {
		assertThat(ServerRules.renewables(regional(Optional.empty(), "95", 0, "On site", NOW, null), new BigDecimal("80")).reasons())
				.containsExactly("No day on record when renewable supply covered all consumption");
		assertThat(ServerRules.renewables(regional(Optional.empty(), null, 0, null, null, null), new BigDecimal("80")))
				.returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(ServerRules.renewables(regional(Optional.empty(), "95", 1, null, NOW, null), new BigDecimal("80")))
				.returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(ServerRules.renewables(offSite("Hetzner", 24940L), new BigDecimal("80"))).returns(Verdict.Code.MET, Verdict::code);
	}

	@Test
	void resilience_is_due_once_a_year_of_telemetry_is_on_record() {
		var fails = new ServerFacts.EnduranceFacts("FAILS", 0, 72, "the battery ran out after PT70H, 12.0 Wh short");
		Instant yearAgo = FROM.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		assertThat(ServerRules.resilientFallback(regional(Optional.empty(), "90", 1, "On site", yearAgo.plusSeconds(86_400), fails)))
				.returns(Verdict.Code.MET, Verdict::code).extracting(Verdict::reasons).asList().first().asString().contains("Not due yet")
				.contains("Simulated today: does not last 72 h");
		assertThat(ServerRules.resilientFallback(regional(Optional.empty(), "90", 1, "On site", yearAgo.plusSeconds(86_399), fails)))
				.returns(Verdict.Code.NOT_MET, Verdict::code);
		var passes = new ServerFacts.EnduranceFacts("PASSES", 12.5, 72, "");
		assertThat(ServerRules.resilientFallback(regional(Optional.empty(), "90", 1, "On site", yearAgo, passes)).reasons())
				.containsExactly("Keeps LoRes functions up for 72 h without the grid; lowest charge 12.5 Wh");
		var unknown = new ServerFacts.EnduranceFacts("NOT_ENOUGH_TELEMETRY", 0, 72, "no run of 3 complete days");
		assertThat(ServerRules.resilientFallback(regional(Optional.empty(), "90", 1, "On site", yearAgo, unknown)))
				.returns(Verdict.Code.PENDING, Verdict::code);
	}

	@Test
	void a_server_in_its_first_year_without_telemetry_is_pending_not_met() {
		var notEnough = new ServerFacts.EnduranceFacts("NOT_ENOUGH_TELEMETRY", 0, 72, "no run of 3 complete days");
		Verdict v = ServerRules.resilientFallback(regional(Optional.empty(), null, 0, null, null, notEnough));
		assertThat(v).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(v.reasons()).singleElement().asString().startsWith("No telemetry yet for rack-1");
	}

	@Test
	void foss_follows_the_licence_verdict() {
		assertThat(ServiceRules.foss("Nextcloud", "AGPL-3.0-or-later", true, List.of("OSI-approved"))).returns(Verdict.Code.MET, Verdict::code);
		Verdict v = ServiceRules.foss("Thing", "SSPL-1.0", false, List.of("SSPL-1.0 is neither OSI-approved nor FSF-libre"));
		assertThat(v).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(v.reasons()).containsExactly("Thing is licensed SSPL-1.0", "SSPL-1.0 is neither OSI-approved nor FSF-libre");
	}

	@ParameterizedTest(name = "covered {0}, general public {1}, available {2}, recommended {3}: {4}")
	@CsvSource({ "true, true, true, true, MET", "true, true, true, false, NOT_MET", "true, true, false, false, NOT_MET",
			"true, false, false, false, MET", "false, true, false, false, MET" })
	void lores_for_public_offerings_of_covered_applications(boolean covered, boolean general, boolean available,
			boolean recommended, String expected) {
		assertThat(ServiceRules.lowRes("Mastodon", covered, general, available, recommended).code().name()).isEqualTo(expected);
	}

	@Test
	void verdicts_combine_not_met_first_then_expired_then_pending() {
		Verdict met = Verdict.met("a");
		Verdict pending = Verdict.pending("b");
		Verdict expired = Verdict.expired("c");
		Verdict notMet = Verdict.notMet("d");
		assertThat(Verdict.allOf(List.of(met, pending, expired, notMet)).reasons()).containsExactly("d");
		assertThat(Verdict.allOf(List.of(met, pending, expired))).isEqualTo(new Verdict(Verdict.Code.EXPIRED, List.of("c", "b")));
		assertThat(Verdict.allOf(List.of(met, pending))).isEqualTo(Verdict.pending("b"));
		assertThat(Verdict.allOf(List.of(met, met))).isEqualTo(new Verdict(Verdict.Code.MET, List.of("a", "a")));
	}
}
