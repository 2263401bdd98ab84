package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerSupplies;
import coop.commonscloud.infrastructure.PowerSupply;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PowerSupplyService implements PowerSupplies {

	private final JdbcClient jdbc;
	private final Sites sites;
	private final Caller caller;

	PowerSupplyService(JdbcClient jdbc, Sites sites, Caller caller) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.caller = caller;
	}

	@Override
	@Transactional
	public PowerSupply declare(PowerSupply supply) {
		caller.requireSignedIn();
		Site site = sites.find(supply.site()).orElseThrow(() -> new InvalidInput("There is no site " + supply.site()));
		caller.requireManages(site.partner() == null ? null : site.partner().value());
		jdbc.sql("insert into site_power_supply (site_id, kind, installation_name, description, declared_by) "
				+ "values (?, ?, ?, ?, ?)")
				.params(supply.site().value(), supply.kind().name(), supply.installationName(), supply.description(),
						caller.actor())
				.update();
		return current(supply.site()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PowerSupply> current(SiteId site) {
		return jdbc.sql("select * from site_power_supply where site_id = ? order by declared_at desc, id desc limit 1")
				.param(site.value()).query(PowerSupplyService::supply).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PowerSupply> history(SiteId site) {
		return jdbc.sql("select * from site_power_supply where site_id = ? order by declared_at desc, id desc")
				.param(site.value()).query(PowerSupplyService::supply).list();
	}

	private static PowerSupply supply(ResultSet rs, int row) throws SQLException {
		return new PowerSupply(new SiteId(rs.getObject("site_id", UUID.class)), PowerSupply.Kind.valueOf(rs.getString("kind")),
				rs.getString("installation_name"), rs.getString("description"), rs.getString("declared_by"),
				rs.getTimestamp("declared_at").toInstant());
	}
}
