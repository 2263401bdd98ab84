package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.ApplicationId;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class CatalogueStore {

	/** An application row before its licence is judged. */
	record StoredApplication(ApplicationId id, ApplicationDetails details) {
	}

	private final JdbcClient jdbc;

	void insertApplication(ApplicationId id, ApplicationDetails d) {
		jdbc.sql("insert into application (id, name, licence, covered_by_lores, website, description) "
				+ "values (:id, :name, :licence, :lores, :website, :description)")
				.params(applicationParams(id, d)).update();
	}

	boolean updateApplication(ApplicationId id, ApplicationDetails d) {
		return jdbc.sql("update application set name = :name, licence = :licence, covered_by_lores = :lores, "
				+ "website = :website, description = :description where id = :id")
				.params(applicationParams(id, d)).update() == 1;
	}

	private static Map<String, Object> applicationParams(ApplicationId id, ApplicationDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id.value());
		p.put("name", d.name());
		p.put("licence", d.licence());
		p.put("lores", d.coveredByLoRes());
		p.put("website", d.website());
		p.put("description", d.description());
		return p;
	}

	Optional<StoredApplication> findApplication(ApplicationId id) {
		return jdbc.sql("select * from application where id = :id").param("id", id.value())
				.query(CatalogueStore::application).optional();
	}

	List<StoredApplication> applications(long offset, int limit) {
		return jdbc.sql("select * from application order by lower(name) offset :offset limit :limit")
				.param("offset", offset).param("limit", limit)
				.query(CatalogueStore::application).list();
	}

	long countApplications() {
		return jdbc.sql("select count(*) from application").query(Long.class).single();
	}

	private static StoredApplication application(ResultSet rs, int row) throws SQLException {
		return new StoredApplication(new ApplicationId(rs.getObject("id", UUID.class)), new ApplicationDetails(
				rs.getString("name"), rs.getString("licence"), rs.getBoolean("covered_by_lores"), rs.getString("website"),
				rs.getString("description")));
	}

	void insertOffering(OfferingId id, OfferingDetails d) {
		jdbc.sql("insert into offering (id, partner_id, server_id, application_id, audience, low_res_option_available, "
				+ "low_res_option_recommended, address) values (:id, :partner, :server, :application, :audience, "
				+ ":available, :recommended, :address)")
				.params(offeringParams(id, d)).update();
	}

	boolean updateOffering(OfferingId id, OfferingDetails d) {
		return jdbc.sql("update offering set partner_id = :partner, server_id = :server, application_id = :application, "
				+ "audience = :audience, low_res_option_available = :available, "
				+ "low_res_option_recommended = :recommended, address = :address where id = :id")
				.params(offeringParams(id, d)).update() == 1;
	}

	private static Map<String, Object> offeringParams(OfferingId id, OfferingDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id.value());
		p.put("partner", d.partner().value());
		p.put("server", d.server().value());
		p.put("application", d.application().value());
		p.put("audience", d.audience().name());
		p.put("available", d.lowResOptionAvailable());
		p.put("recommended", d.lowResOptionRecommended());
		p.put("address", d.address());
		return p;
	}

	Optional<Offering> findOffering(OfferingId id) {
		return jdbc.sql("select * from offering where id = :id").param("id", id.value())
				.query(CatalogueStore::offering).optional();
	}

	List<Offering> offeringsOf(PartnerId partner) {
		return jdbc.sql("select * from offering where partner_id = :partner order by created_at, id")
				.param("partner", partner.value()).query(CatalogueStore::offering).list();
	}

	List<Offering> offeringsOn(ServerId server) {
		return jdbc.sql("select * from offering where server_id = :server order by created_at, id")
				.param("server", server.value()).query(CatalogueStore::offering).list();
	}

	List<Offering> offerings(long offset, int limit) {
		return jdbc.sql("select * from offering order by created_at, id offset :offset limit :limit")
				.param("offset", offset).param("limit", limit).query(CatalogueStore::offering).list();
	}

	long countOfferings() {
		return jdbc.sql("select count(*) from offering").query(Long.class).single();
	}

	private static Offering offering(ResultSet rs, int row) throws SQLException {
		return new Offering(new OfferingId(rs.getObject("id", UUID.class)), new OfferingDetails(
				new PartnerId(rs.getObject("partner_id", UUID.class)), new ServerId(rs.getObject("server_id", UUID.class)),
				new ApplicationId(rs.getObject("application_id", UUID.class)), Audience.valueOf(rs.getString("audience")),
				rs.getBoolean("low_res_option_available"), rs.getBoolean("low_res_option_recommended"),
				rs.getString("address")));
	}
}
