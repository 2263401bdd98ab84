package coop.commonscloud.region.internal;

import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
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
class SiteStore {

	private final JdbcClient jdbc;

	void insert(SiteId id, SiteDetails d) {
		jdbc.sql("insert into site (id, region, partner_id, name, kind, latitude, longitude, address) "
				+ "values (:id, :region, :partner, :name, :kind, :lat, :lon, :address)")
				.params(params(id, d))
				.update();
	}

	boolean update(SiteId id, SiteDetails d) {
		return jdbc.sql("update site set region = :region, partner_id = :partner, name = :name, kind = :kind, "
				+ "latitude = :lat, longitude = :lon, address = :address where id = :id")
				.params(params(id, d))
				.update() == 1;
	}

	private static Map<String, Object> params(SiteId id, SiteDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id.value());
		p.put("region", d.region().value());
		p.put("partner", d.partner() == null ? null : d.partner().value());
		p.put("name", d.name());
		p.put("kind", d.kind().name());
		p.put("lat", d.coordinates().latitude());
		p.put("lon", d.coordinates().longitude());
		p.put("address", d.address());
		return p;
	}

	Optional<Site> find(SiteId id) {
		return jdbc.sql("select * from site where id = :id").param("id", id.value()).query(SiteStore::site).optional();
	}

	List<Site> inRegion(RegionSlug region) {
		return jdbc.sql("select * from site where region = :region order by lower(name)")
				.param("region", region.value())
				.query(SiteStore::site)
				.list();
	}

	List<Site> ofPartner(PartnerId partner) {
		return jdbc.sql("select * from site where partner_id = :partner order by lower(name)")
				.param("partner", partner.value())
				.query(SiteStore::site)
				.list();
	}

	private static Site site(ResultSet rs, int row) throws SQLException {
		UUID partner = rs.getObject("partner_id", UUID.class);
		return new Site(new SiteId(rs.getObject("id", UUID.class)), new RegionSlug(rs.getString("region")),
				partner == null ? null : new PartnerId(partner), rs.getString("name"), SiteKind.valueOf(rs.getString("kind")),
				new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")), rs.getString("address"));
	}
}
