package coop.commonscloud.partners.internal;

import coop.commonscloud.partners.Contact;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class PartnerStore {

	private final JdbcClient jdbc;

	void insert(PartnerId id, PartnerDetails details) {
		jdbc.sql("insert into partner (id, legal_name, structure, registration_number) values (:id, :name, :structure, :number)")
				.param("id", id.value())
				.param("name", details.legalName())
				.param("structure", details.structure().name())
				.param("number", details.registrationNumber())
				.update();
		replaceContacts(id, details.contacts());
	}

	boolean update(PartnerId id, PartnerDetails details) {
		int rows = jdbc.sql("update partner set legal_name = :name, structure = :structure, registration_number = :number "
				+ "where id = :id")
				.param("id", id.value())
				.param("name", details.legalName())
				.param("structure", details.structure().name())
				.param("number", details.registrationNumber())
				.update();
		if (rows == 1) {
			replaceContacts(id, details.contacts());
		}
		return rows == 1;
	}

	private void replaceContacts(PartnerId id, List<Contact> contacts) {
		jdbc.sql("delete from partner_contact where partner_id = :id").param("id", id.value()).update();
		for (int i = 0; i < contacts.size(); i++) {
			Contact c = contacts.get(i);
			jdbc.sql("insert into partner_contact (partner_id, position, name, role, email, phone) "
					+ "values (:id, :position, :name, :role, :email, :phone)")
					.param("id", id.value())
					.param("position", i)
					.param("name", c.name())
					.param("role", c.role())
					.param("email", c.email())
					.param("phone", c.phone())
					.update();
		}
	}

	Optional<Partner> find(PartnerId id) {
		return withContacts(jdbc.sql("select * from partner where id = :id").param("id", id.value())
				.query(PartnerStore::partner).list()).stream().findFirst();
	}

	List<Partner> page(long offset, int limit) {
		return withContacts(jdbc.sql("select * from partner order by lower(legal_name) offset :offset limit :limit")
				.param("offset", offset)
				.param("limit", limit)
				.query(PartnerStore::partner)
				.list());
	}

	long count() {
		return jdbc.sql("select count(*) from partner").query(Long.class).single();
	}

	private List<Partner> withContacts(List<Partner> partners) {
		if (partners.isEmpty()) {
			return partners;
		}
		Collection<UUID> ids = partners.stream().map(p -> p.id().value()).toList();
		Map<UUID, List<Contact>> contacts = jdbc.sql("select * from partner_contact where partner_id in (:ids) "
				+ "order by partner_id, position")
				.param("ids", ids)
				.query((rs, n) -> Map.entry(rs.getObject("partner_id", UUID.class),
						new Contact(rs.getString("name"), rs.getString("role"), rs.getString("email"), rs.getString("phone"))))
				.list().stream()
				.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
						Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return partners.stream()
				.map(p -> new Partner(p.id(), p.legalName(), p.structure(), p.registrationNumber(),
						contacts.getOrDefault(p.id().value(), List.of()), p.registeredAt()))
				.toList();
	}

	private static Partner partner(ResultSet rs, int row) throws SQLException {
		return new Partner(new PartnerId(rs.getObject("id", UUID.class)), rs.getString("legal_name"),
				Structure.valueOf(rs.getString("structure")), rs.getString("registration_number"), List.of(),
				rs.getTimestamp("registered_at").toInstant());
	}

	Optional<Boolean> settlerRun(PartnerId id) {
		return jdbc.sql("select settler_run from partner where id = :id").param("id", id.value())
				.query(Boolean.class).optional();
	}

	boolean declareSettlerRun(PartnerId id, boolean settlerRun) {
		return jdbc.sql("update partner set settler_run = :settlerRun where id = :id").param("id", id.value())
				.param("settlerRun", settlerRun).update() == 1;
	}
}
