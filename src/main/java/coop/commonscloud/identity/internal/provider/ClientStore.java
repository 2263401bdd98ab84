package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Client;
import coop.commonscloud.identity.SignInActivity.ClientOwner;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who runs a registered client: the partner that registered it (none: the region itself) and whether it is
 * first-party. Spring Authorization Server keeps the client itself ({@code oauth2_registered_client}).
 */
@Repository
@RequiredArgsConstructor
public class ClientStore {

	private final JdbcClient jdbc;

	/** Records the owner of the client just saved under {@code clientId}. */
	void owner(String clientId, UUID partner, boolean firstParty, String createdBy) {
		jdbc.sql("""
				insert into client_owner (registered_client_id, partner_id, first_party, created_by)
				select id, :partner, :firstParty, :by from oauth2_registered_client where client_id = :clientId""")
				.param("partner", partner)
				.param("firstParty", firstParty)
				.param("by", createdBy)
				.param("clientId", clientId)
				.update();
	}

	/** The partner that runs the client with this registered id; empty when the region runs it. */
	Optional<UUID> partnerOf(String registeredClientId) {
		return jdbc.sql("select partner_id from client_owner where registered_client_id = :id")
				.param("id", registeredClientId)
				.query((rs, n) -> Optional.ofNullable(rs.getObject("partner_id", UUID.class)))
				.optional().flatMap(partner -> partner);
	}

	/** The client under this client id and the partner that runs it (none: the region); empty if it is unknown. */
	public Optional<ClientOwner> ownerOf(String clientId) {
		return jdbc.sql("""
				select c.client_id, o.partner_id from oauth2_registered_client c
				left join client_owner o on o.registered_client_id = c.id where c.client_id = :clientId""")
				.param("clientId", clientId)
				.query((rs, n) -> new ClientOwner(rs.getString(1), rs.getObject(2, UUID.class)))
				.optional();
	}

	/** The clients a partner registered, oldest first. */
	List<Client> ofPartner(UUID partner) {
		return jdbc.sql("""
				select c.client_id, c.client_name, c.redirect_uris from oauth2_registered_client c
				join client_owner o on o.registered_client_id = c.id
				where o.partner_id = :partner order by c.client_id_issued_at, c.client_name""")
				.param("partner", partner)
				.query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3) == null ? List.of()
						: Arrays.stream(rs.getString(3).split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList()))
				.list();
	}
}
