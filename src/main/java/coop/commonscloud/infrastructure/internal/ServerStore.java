package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.SiteId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
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
class ServerStore {

	private final JdbcClient jdbc;

	void insert(ServerId id, ServerDetails d) {
		jdbc.sql("insert into server (id, partner_id, site_id, name, role, hardware, nominal_draw_w, low_power_draw_w, "
				+ "battery_wh, renewable_peak_w, hosting_company, asn) values (:id, :partner, :site, :name, :role, "
				+ ":hardware, :nominal, :low, :battery, :peak, :company, :asn)")
				.params(params(id, d))
				.update();
	}

	boolean update(ServerId id, ServerDetails d) {
		return jdbc.sql("update server set partner_id = :partner, site_id = :site, name = :name, role = :role, "
				+ "hardware = :hardware, nominal_draw_w = :nominal, low_power_draw_w = :low, battery_wh = :battery, "
				+ "renewable_peak_w = :peak, hosting_company = :company, asn = :asn where id = :id")
				.params(params(id, d))
				.update() == 1;
	}

	private static Map<String, Object> params(ServerId id, ServerDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id.value());
		p.put("partner", d.partner().value());
		p.put("site", d.site() == null ? null : d.site().value());
		p.put("name", d.name());
		p.put("role", d.role().name());
		p.put("hardware", d.hardware());
		p.put("nominal", d.nominalDrawW());
		p.put("low", d.lowPowerDrawW());
		p.put("battery", d.batteryWh());
		p.put("peak", d.renewablePeakW());
		p.put("company", d.hostingCompany());
		p.put("asn", d.asn());
		return p;
	}

	Optional<Server> find(ServerId id) {
		return jdbc.sql("select * from server where id = :id").param("id", id.value()).query(ServerStore::server).optional();
	}

	List<Server> ofPartner(PartnerId partner) {
		return jdbc.sql("select * from server where partner_id = :partner order by lower(name)")
				.param("partner", partner.value())
				.query(ServerStore::server)
				.list();
	}

	List<Server> atSites(Collection<UUID> sites) {
		if (sites.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from server where site_id in (:sites) order by lower(name)")
				.param("sites", sites)
				.query(ServerStore::server)
				.list();
	}

	private static Server server(ResultSet rs, int row) throws SQLException {
		UUID site = rs.getObject("site_id", UUID.class);
		long asn = rs.getLong("asn");
		Long asnOrNull = rs.wasNull() ? null : asn;
		return new Server(new ServerId(rs.getObject("id", UUID.class)), new ServerDetails(
				new PartnerId(rs.getObject("partner_id", UUID.class)), site == null ? null : new SiteId(site),
				rs.getString("name"), ServerRole.valueOf(rs.getString("role")), rs.getString("hardware"),
				rs.getInt("nominal_draw_w"), rs.getInt("low_power_draw_w"), rs.getInt("battery_wh"),
				rs.getInt("renewable_peak_w"), rs.getString("hosting_company"), asnOrNull));
	}
}
