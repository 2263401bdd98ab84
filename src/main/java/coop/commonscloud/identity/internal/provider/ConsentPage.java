package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.platform.NotFound;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Asks a person whether a third-party service may learn what it asks for. */
@Controller
@RequiredArgsConstructor
public class ConsentPage {

	public static final String PATH = "/oauth2/consent";

	record Scope(String name, String description, boolean alreadyGranted) {
	}

	private final RegisteredClientRepository clients;
	private final OAuth2AuthorizationConsentService consents;

	@GetMapping(PATH)
	String consent(Principal principal, Model model, @RequestParam("client_id") String clientId,
			@RequestParam("scope") String scope, @RequestParam("state") String state) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw new NotFound("There is no service with the client id '" + clientId + "'");
		}
		OAuth2AuthorizationConsent previous = consents.findById(client.getId(), principal.getName());
		Set<String> granted = previous == null ? Set.of() : previous.getScopes();
		List<Scope> scopes = new ArrayList<>();
		for (String name : new LinkedHashSet<>(Arrays.asList(scope.split(" ")))) {
			if (!OidcScopes.OPENID.equals(name) && !name.isBlank()) {
				scopes.add(new Scope(name, ProviderScope.describe(name), granted.contains(name)));
			}
		}
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("state", state);
		model.addAttribute("scopes", scopes);
		model.addAttribute("username", principal.getName());
		return "identity/consent";
	}
}
