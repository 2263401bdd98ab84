package coop.commonscloud.identity.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import coop.commonscloud.identity.internal.keys.SigningKeyStore.StoredKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's ES256 signing keys, kept in the database. This site signs with its newest active
 * key; the JWKS lists every site's keys that are upcoming, current or retired for less than the
 * retention period, so tokens stay verifiable across a rotation. A new key is made ahead of the
 * rotation date and published for {@code prepublish} before it signs anything.
 *
 * <p>At a site of the mesh the site's own key (private half included) is kept in site data, and
 * its public half reaches every node once the core approves the site (see docs/mesh.md); sites do
 * not rotate their key on their own, since a new public half would have to be published again.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	record Snapshot(ECKey signing, List<JWK> published) {
	}

	private final SigningKeyStore store;
	private final KeySealing sealing;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final String site;
	private final Duration rotation;
	private final Duration prepublish;
	private final Duration retention;
	private volatile Snapshot snapshot;

	SigningKeys(SigningKeyStore store, KeySealing sealing, TransactionTemplate transactions, ObjectProvider<Clock> clock,
			@Value("${commonscloud.site.name:core}") String site,
			@Value("${commonscloud.identity.signing-key.rotation:P30D}") Duration rotation,
			@Value("${commonscloud.identity.signing-key.prepublish:P1D}") Duration prepublish,
			@Value("${commonscloud.identity.signing-key.retention:P7D}") Duration retention) {
		this.store = store;
		this.sealing = sealing;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.site = site;
		this.rotation = rotation;
		this.prepublish = prepublish;
		this.retention = retention;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		Snapshot current = current();
		List<JWK> candidates = new ArrayList<>(current.published().size());
		for (JWK jwk : current.published()) {
			candidates.add(jwk.getKeyID().equals(current.signing().getKeyID()) ? current.signing() : jwk);
		}
		return selector.select(new JWKSet(candidates));
	}

	/** The key id this site signs with now. */
	public String signingKid() {
		return current().signing().getKeyID();
	}

	Snapshot current() {
		Snapshot known = snapshot;
		if (known == null) {
			refresh();
			known = snapshot;
		}
		return known;
	}

	/** Makes the keys this site needs and reloads what is published; runs at start and every minute. */
	@Scheduled(initialDelayString = "${commonscloud.identity.signing-key.check-interval:PT1M}",
			fixedDelayString = "${commonscloud.identity.signing-key.check-interval:PT1M}")
	synchronized void refresh() {
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		List<StoredKey> keys = transactions.execute(status -> {
			store.lockSite(site);
			ensureKeys(store.all(), now);
			return store.all();
		});
		snapshot = snapshot(keys, now);
	}

	private void ensureKeys(List<StoredKey> keys, Instant now) {
		StoredKey current = null;
		boolean upcoming = false;
		for (StoredKey key : keys) {
			if (!key.site().equals(site)) {
				continue;
			}
			if (key.activeFrom().isAfter(now)) {
				upcoming = true;
			} else if (opens(key)) {
				current = key;
			}
		}
		if (current == null) {
			create(now);
		} else if (!upcoming && !store.atSite() && !now.isBefore(current.activeFrom().plus(rotation).minus(prepublish))) {
			Instant due = current.activeFrom().plus(rotation);
			create(due.isAfter(now) ? due : now.plus(prepublish));
		}
	}

	private Snapshot snapshot(List<StoredKey> keys, Instant now) {
		ECKey signing = null;
		List<JWK> published = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			StoredKey key = keys.get(i);
			Instant retired = successorActiveFrom(keys, i);
			boolean shown = key.activeFrom().isAfter(now) || retired == null || retired.plus(retention).isAfter(now);
			if (shown) {
				published.add(parse(key.publicJwk()));
			}
			if (key.site().equals(site) && !key.activeFrom().isAfter(now)) {
				ECKey opened = open(key);
				if (opened != null) {
					signing = opened;
				}
			}
		}
		if (signing == null) {
			throw new IllegalStateException("No usable signing key for site '" + site + "'");
		}
		return new Snapshot(signing, List.copyOf(published));
	}

	private static Instant successorActiveFrom(List<StoredKey> keys, int index) {
		String site = keys.get(index).site();
		for (int i = index + 1; i < keys.size(); i++) {
			if (keys.get(i).site().equals(site)) {
				return keys.get(i).activeFrom();
			}
		}
		return null;
	}

	private void create(Instant activeFrom) {
		String prefix = site + "-" + DAY.format(activeFrom) + "-";
		String kid = prefix + (store.countWithPrefix(prefix) + 1);
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256).generate();
			byte[] sealed = sealing.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid);
			store.insert(new StoredKey(kid, site, key.toPublicJWK().toJSONString(), sealed, activeFrom));
			log.info("Made signing key {} for site '{}', signing from {}", kid, site, activeFrom);
		} catch (JOSEException e) {
			throw new IllegalStateException("Could not make a signing key", e);
		}
	}

	private boolean opens(StoredKey key) {
		return open(key) != null;
	}

	private ECKey open(StoredKey key) {
		if (key.sealedPrivateKey() == null) {
			return null;
		}
		try {
			return ECKey.parse(new String(sealing.open(key.sealedPrivateKey(), key.kid()), StandardCharsets.UTF_8));
		} catch (GeneralSecurityException | ParseException e) {
			return null;
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		} catch (ParseException e) {
			throw new IllegalStateException("A stored public key is not a JWK", e);
		}
	}
}
