package coop.commonscloud.identity.internal.web;

import coop.commonscloud.identity.SignInActivity.ClientOwner;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.provider.ClientService;
import coop.commonscloud.identity.internal.provider.ClientStore;
import coop.commonscloud.identity.internal.provider.ServiceClient;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer token on the API into a caller. A token with the {@code api} scope acts as its
 * account (a person's token) or as its client (client credentials; with the powers of a partner
 * admin of the partner that registered it). Any other valid token is signed in with no powers.
 */
@Component
@RequiredArgsConstructor
class BearerTokenAccounts implements Converter<Jwt, AbstractAuthenticationToken> {

	private final AccountStore accounts;
	private final ClientStore clients;

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<String> scopes = jwt.getClaimAsStringList("scope");
		if (scopes == null || !scopes.contains(ClientService.API_SCOPE)) {
			return new JwtAuthenticationToken(jwt, List.of());
		}
		String subject = jwt.getSubject();
		UUID accountId = uuid(subject);
		if (accountId != null) {
			return accounts.findById(accountId).filter(account -> account.active())
					.map(account -> {
						SignedInAccount principal = new SignedInAccount(account, "");
						return (AbstractAuthenticationToken) UsernamePasswordAuthenticationToken.authenticated(principal,
								null, principal.getAuthorities());
					})
					.orElseGet(() -> new JwtAuthenticationToken(jwt, List.of()));
		}
		UUID partner = clients.ownerOf(subject).map(ClientOwner::partnerId).orElse(null);
		ServiceClient client = new ServiceClient(subject, partner);
		List<SimpleGrantedAuthority> authorities = partner == null ? List.of(new SimpleGrantedAuthority("ROLE_CLIENT"))
				: List.of(new SimpleGrantedAuthority("ROLE_CLIENT"), new SimpleGrantedAuthority("ROLE_PARTNER_ADMIN"));
		return UsernamePasswordAuthenticationToken.authenticated(client, null, authorities);
	}

	private static UUID uuid(String subject) {
		try {
			return subject == null ? null : UUID.fromString(subject);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}
}
