package coop.commonscloud.identity.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys rotate on schedule: the next key is published a day early and the old one stays a week. */
@SpringBootTest
public class SigningKeyRotationTests {

	@Autowired
	SigningKeyStore store;
	@Autowired
	KeySealing sealing;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void keys_rotate_with_overlap_and_name_their_site() {
		String site = "site-" + UUID.randomUUID().toString().substring(0, 6);
		MutableClock clock = new MutableClock(START);
		SigningKeys keys = new SigningKeys(store, sealing, transactions,
				new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class), site,
				Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(7));

		keys.refresh();
		String first = keys.signingKid();
		assertThat(first).isEqualTo(site + "-20300101-1");
		assertThat(published(keys, site)).containsExactly(first);

		clock.now = START.plus(Duration.ofDays(29)).plusSeconds(3600);
		keys.refresh();
		assertThat(keys.signingKid()).isEqualTo(first);
		assertThat(published(keys, site)).containsExactly(first, site + "-20300131-1");

		clock.now = START.plus(Duration.ofDays(30)).plusSeconds(60);
		keys.refresh();
		assertThat(keys.signingKid()).isEqualTo(site + "-20300131-1");
		assertThat(published(keys, site)).contains(first);

		clock.now = START.plus(Duration.ofDays(37)).plusSeconds(60);
		keys.refresh();
		assertThat(published(keys, site)).doesNotContain(first).contains(site + "-20300131-1");
	}

	@Test
	void private_keys_are_stored_sealed() {
		List<String> sealed = jdbc.sql("select encode(sealed_private_key, 'escape') from signing_key").query(String.class).list();
		assertThat(sealed).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("\"d\""));
		List<String> published = jdbc.sql("select public_jwk from signing_key").query(String.class).list();
		assertThat(published).allSatisfy(jwk -> assertThat(jwk).doesNotContain("\"d\"").contains("\"P-256\""));
	}

	private static List<String> published(SigningKeys keys, String site) {
		return keys.current().published().stream().map(JWK::getKeyID).filter(kid -> kid.startsWith(site)).toList();
	}

	public static final class MutableClock extends Clock {
		public Instant now;

		public MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
