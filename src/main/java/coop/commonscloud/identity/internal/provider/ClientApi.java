package coop.commonscloud.identity.internal.provider;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import coop.commonscloud.identity.ClientCredentials;
import coop.commonscloud.identity.Clients;
import coop.commonscloud.identity.NewClient;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "OpenID Connect clients")
record ClientApi(Clients clients) {

	/** The back-channel logout fields are optional, and also read under their OpenID Connect registration names. */
	record Registration(String name, List<String> redirectUris, @JsonProperty("public") boolean publicClient,
			boolean firstParty, List<String> postLogoutRedirectUris, UUID partnerId,
			@JsonAlias("backchannel_logout_uri") String backchannelLogoutUri,
			@JsonAlias("backchannel_logout_session_required") Boolean backchannelLogoutSessionRequired) {
	}

	record Registered(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret,
			String name, @JsonProperty("public") boolean publicClient, boolean firstParty, UUID partnerId,
			String backchannelLogoutUri, boolean backchannelLogoutSessionRequired) {
	}

	/** Registers a service; the secret is in this answer only and is never shown again. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@RequestBody Registration body) {
		ClientCredentials created = clients.register(new NewClient(body.name(), body.redirectUris(), body.publicClient(),
				body.firstParty(), body.postLogoutRedirectUris(), body.partnerId(), body.backchannelLogoutUri(),
				Boolean.TRUE.equals(body.backchannelLogoutSessionRequired())));
		return new Registered(created.clientId(), created.clientSecret(), created.name(), created.publicClient(),
				created.firstParty(), created.partnerId(), created.backchannelLogoutUri(),
				created.backchannelLogoutSessionRequired());
	}
}
