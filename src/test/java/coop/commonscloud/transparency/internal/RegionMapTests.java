package coop.commonscloud.transparency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.BoundaryOutline;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.SiteKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegionMapTests {

	static final PartnerId PARTNER = PartnerId.random();

	/** A 1° by 1° square at 60°S with a hole in the middle: at 60° a degree of longitude is half as wide. */
	static final BoundaryOutline SQUARE_WITH_HOLE = new BoundaryOutline(List.of(List.of(
			ring(10, -61, 11, -60),
			ring(10.4, -60.6, 10.6, -60.4))), 10, -61, 11, -60);

	static List<double[]> ring(double west, double south, double east, double north) {
		return List.of(new double[] {west, south}, new double[] {east, south}, new double[] {east, north},
				new double[] {west, north}, new double[] {west, south});
	}

	static Site site(String name, double lat, double lon) {
		return new Site(new SiteId(UUID.randomUUID()), new RegionSlug("test"), PARTNER, name, SiteKind.LIBRARY,
				new Coordinates(lat, lon), null);
	}

	static ServerLocality server(String name, Site site, boolean inside) {
		ServerDetails details = new ServerDetails(PARTNER, site.id(), name, ServerRole.REGIONAL, null, 10, 5, 0, 0,
				null, null);
		return new ServerLocality(new Server(new ServerId(UUID.randomUUID()), details), site,
				Locality.of(inside, inside ? 100 : 5000, 1000));
	}

	@Test
	void a_polygon_with_a_hole_is_one_path_of_two_closed_rings() {
		RegionMap map = RegionMap.draw(Optional.of(SQUARE_WITH_HOLE), List.of(), List.of());
		assertThat(map.boundaryPaths()).hasSize(1);
		String d = map.boundaryPaths().get(0);
		assertThat(d).startsWith("M").endsWith("Z");
		assertThat(d.split("M")).hasSize(3);
	}

	@Test
	void north_is_up_and_longitude_shrinks_with_the_cosine_of_the_latitude() {
		Site northWest = site("north-west", -60, 10);
		Site southEast = site("south-east", -61, 11);
		RegionMap map = RegionMap.draw(Optional.of(SQUARE_WITH_HOLE), List.of(northWest, southEast), List.of());
		RegionMap.SiteMark nw = map.sites().get(0);
		RegionMap.SiteMark se = map.sites().get(1);
		assertThat(nw.y()).isLessThan(se.y());
		assertThat(nw.x()).isLessThan(se.x());
		double cos = Math.cos(Math.toRadians(-60.5));
		assertThat((se.x() - nw.x()) / (se.y() - nw.y())).isCloseTo(cos, within(0.01));
	}

	@Test
	void everything_fits_inside_the_view_with_a_margin_including_sites_outside_the_boundary() {
		Site outside = site("outside", -61.5, 12);
		RegionMap map = RegionMap.draw(Optional.of(SQUARE_WITH_HOLE), List.of(outside), List.of());
		RegionMap.SiteMark mark = map.sites().get(0);
		assertThat(mark.x()).isBetween(map.width() * 0.02, map.width() * 0.98);
		assertThat(mark.y()).isBetween(map.height() * 0.02, map.height() * 0.98);
		assertThat(map.width()).isBetween(RegionMap.MIN_WIDTH, RegionMap.MAX_WIDTH);
		assertThat(map.height()).isBetween(RegionMap.MIN_HEIGHT, RegionMap.MAX_HEIGHT);
		assertThat(map.viewBox()).startsWith("0 0 ");
	}

	@Test
	void servers_stand_beside_their_site_and_carry_their_verdict() {
		Site hall = site("Hall", -60.5, 10.2);
		RegionMap map = RegionMap.draw(Optional.of(SQUARE_WITH_HOLE), List.of(hall),
				List.of(server("a", hall, true), server("b", hall, false)));
		assertThat(map.servers()).extracting(RegionMap.ServerMark::qualifies).containsExactly(true, false);
		assertThat(map.servers().get(0).x()).isNotEqualTo(map.servers().get(1).x());
		assertThat(map.servers().get(1).title())
				.isEqualTo("b at Hall: does not qualify, 5 km outside the boundary, beyond the 1 km allowance");
	}

	@Test
	void labels_of_sites_close_together_do_not_overlap() {
		Site coburg = site("Coburg Community House", -60.5, 10.5);
		Site brunswick = site("Merri Creek rack, Brunswick East", -60.501, 10.501);
		RegionMap map = RegionMap.draw(Optional.of(SQUARE_WITH_HOLE), List.of(coburg, brunswick), List.of());
		RegionMap.SiteMark first = map.sites().get(0);
		RegionMap.SiteMark second = map.sites().get(1);
		double firstBaseline = first.y() + first.label().dy();
		double secondBaseline = second.y() + second.label().dy();
		boolean sameSide = first.label().leftOfMark() == second.label().leftOfMark();
		assertThat(!sameSide || Math.abs(firstBaseline - secondBaseline) >= LabelPlacer.FONT_SIZE).isTrue();
	}

	@Test
	void a_region_without_boundary_or_sites_is_an_empty_map() {
		RegionMap map = RegionMap.draw(Optional.empty(), List.of(), List.of());
		assertThat(map.boundaryPaths()).isEmpty();
		assertThat(map.sites()).isEmpty();
		assertThat(map.width()).as("a small square").isEqualTo(map.height());
	}
}
