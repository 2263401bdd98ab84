package coop.commonscloud.identity.internal.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import coop.commonscloud.identity.SiteSigningKeys;
import coop.commonscloud.platform.InvalidInput;
import java.text.ParseException;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class PublishedSiteKeys implements SiteSigningKeys {

	private final SigningKeys keys;
	private final SigningKeyStore store;
	private final Clock clock;

	@Override
	public String currentPublicKey() {
		return keys.current().signing().toPublicJWK().toJSONString();
	}

	@Override
	@Transactional
	public void publish(String site, String publicJwk) {
		JWK jwk;
		try {
			jwk = JWK.parse(publicJwk);
		} catch (ParseException e) {
			throw new InvalidInput("The signing key of site '" + site + "' is not a JWK");
		}
		if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || jwk.isPrivate()) {
			throw new InvalidInput("The signing key of site '" + site + "' must be a public P-256 (ES256) key");
		}
		if (jwk.getKeyID() == null || !jwk.getKeyID().startsWith(site + "-")) {
			throw new InvalidInput("The key id of site '" + site + "' must start with '" + site + "-'");
		}
		store.publish(jwk.getKeyID(), site, jwk.toJSONString(), clock.instant());
	}
}
