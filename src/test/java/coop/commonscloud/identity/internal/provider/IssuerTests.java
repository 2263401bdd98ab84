package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The issuer comes from configuration: the mesh's region issuer when set, else the public URL, and must be a URL. */
class IssuerTests {

	@Test
	void the_public_url_is_the_issuer_without_its_trailing_slash() {
		assertThat(Issuer.of("", "https://id.naarm.example/")).isEqualTo("https://id.naarm.example");
		assertThat(Issuer.of(null, "http://localhost:8080")).isEqualTo("http://localhost:8080");
	}

	@Test
	void a_mesh_s_region_issuer_wins_over_the_node_s_public_url() {
		assertThat(Issuer.of("https://id.naarm.example", "https://site-a.naarm.example"))
				.isEqualTo("https://id.naarm.example");
	}

	@Test
	void an_issuer_that_is_not_an_http_url_without_query_or_fragment_stops_the_start_naming_the_setting() {
		assertThatThrownBy(() -> Issuer.of("", "id.naarm.example")).hasMessageContaining("commonscloud.public-url")
				.hasMessageContaining("'id.naarm.example'");
		assertThatThrownBy(() -> Issuer.of("https://id.naarm.example/?tenant=1", "")).hasMessageContaining(
				"commonscloud.identity.issuer");
		assertThatThrownBy(() -> Issuer.of("", "https://id.naarm.example/#top")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> Issuer.of("", "ftp://id.naarm.example")).isInstanceOf(IllegalStateException.class);
	}
}
