package coop.commonscloud.region.internal;

import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionSlug;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class RegionStore {

	private final JdbcClient jdbc;

	/** Returns true when the region was created, false when it was renamed. */
	boolean upsert(RegionSlug slug, String name, String actor) {
		return jdbc.sql("insert into region (slug, name, updated_by) values (:slug, :name, :actor) "
				+ "on conflict (slug) do update set name = excluded.name, updated_at = now(), updated_by = excluded.updated_by "
				+ "returning (xmax = 0)")
				.param("slug", slug.value())
				.param("name", name)
				.param("actor", actor)
				.query(Boolean.class)
				.single();
	}

	boolean setBoundary(RegionSlug slug, String geoJson, String actor) {
		return jdbc.sql("update region set boundary = cast(:boundary as jsonb), updated_at = now(), updated_by = :actor "
				+ "where slug = :slug")
				.param("slug", slug.value())
				.param("boundary", geoJson)
				.param("actor", actor)
				.update() == 1;
	}

	Optional<Region> find(RegionSlug slug) {
		return jdbc.sql("select slug, name, boundary is not null as has_boundary from region where slug = :slug")
				.param("slug", slug.value())
				.query((rs, n) -> new Region(new RegionSlug(rs.getString("slug")), rs.getString("name"),
						rs.getBoolean("has_boundary")))
				.optional();
	}

	List<Region> all() {
		return jdbc.sql("select slug, name, boundary is not null as has_boundary from region order by name")
				.query((rs, n) -> new Region(new RegionSlug(rs.getString("slug")), rs.getString("name"),
						rs.getBoolean("has_boundary")))
				.list();
	}

	Optional<String> boundary(RegionSlug slug) {
		return jdbc.sql("select boundary::text from region where slug = :slug and boundary is not null")
				.param("slug", slug.value())
				.query(String.class)
				.optional();
	}
}
