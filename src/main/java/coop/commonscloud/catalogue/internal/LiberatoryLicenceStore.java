package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.LiberatoryLicence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class LiberatoryLicenceStore {

	private final JdbcClient jdbc;

	List<LiberatoryLicence> all() {
		return jdbc.sql("select * from liberatory_licence order by added_at, id").query(LiberatoryLicenceStore::licence).list();
	}

	void insert(LiberatoryLicence licence) {
		jdbc.sql("insert into liberatory_licence (id, name, url, reason, added_by) values (:id, :name, :url, :reason, :by)")
				.param("id", licence.id())
				.param("name", licence.name())
				.param("url", licence.url())
				.param("reason", licence.reason())
				.param("by", licence.addedBy())
				.update();
	}

	LiberatoryLicence get(String id) {
		return jdbc.sql("select * from liberatory_licence where lower(id) = lower(:id)").param("id", id)
				.query(LiberatoryLicenceStore::licence).single();
	}

	private static LiberatoryLicence licence(ResultSet rs, int row) throws SQLException {
		return new LiberatoryLicence(rs.getString("id"), rs.getString("name"), rs.getString("url"), rs.getString("reason"),
				rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
	}
}
