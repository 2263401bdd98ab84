package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerSupply;
import coop.commonscloud.region.SiteId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each site's declared power supply, as an append-only history: the newest declaration is in force. */
@Repository
@RequiredArgsConstructor
class PowerSupplyStore {

	private final JdbcClient jdbc;

	void insert(PowerSupply supply, String by) {
		jdbc.sql("""
				insert into site_power_supply (site_id, kind, installation_name, description, declared_by)
				values (?, ?, ?, ?, ?)""")
				.params(supply.site().value(), supply.kind().name(), supply.installationName(), supply.description(), by)
				.update();
	}

	Optional<PowerSupply> current(SiteId site) {
		return jdbc.sql("select * from site_power_supply where site_id = ? order by declared_at desc, id desc limit 1")
				.param(site.value()).query(PowerSupplyStore::supply).optional();
	}

	/** Newest first. */
	List<PowerSupply> history(SiteId site) {
		return jdbc.sql("select * from site_power_supply where site_id = ? order by declared_at desc, id desc")
				.param(site.value()).query(PowerSupplyStore::supply).list();
	}

	private static PowerSupply supply(ResultSet rs, int row) throws SQLException {
		return new PowerSupply(new SiteId(rs.getObject("site_id", UUID.class)), PowerSupply.Kind.valueOf(rs.getString("kind")),
				rs.getString("installation_name"), rs.getString("description"), rs.getString("declared_by"),
				rs.getTimestamp("declared_at").toInstant());
	}
}
