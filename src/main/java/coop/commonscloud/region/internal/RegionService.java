package coop.commonscloud.region.internal;

import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.region.BoundaryOutline;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.Locality;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionBoundaryChanged;
import coop.commonscloud.region.RegionParameters;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.internal.domain.Boundary;
import coop.commonscloud.region.internal.domain.GeoJsonBoundaryReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class RegionService implements Regions {

	private final RegionStore store;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	@Value("${commonscloud.region.home:}")
	private final String home;
	/** Parsed boundaries, so the locality rule does not re-read GeoJSON on every call. */
	private final Map<RegionSlug, Boundary> boundaries = new ConcurrentHashMap<>();

	@Override
	@Transactional
	public Region createOrRename(RegionSlug slug, String name) {
		caller.requireSteward();
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new InvalidInput("A region needs a name of 1 to 200 characters");
		}
		store.upsert(slug, name.strip(), caller.actor());
		return get(slug);
	}

	@Override
	@Transactional
	public Region setBoundary(RegionSlug slug, String geoJson) {
		caller.requireSteward();
		get(slug);
		Boundary boundary = GeoJsonBoundaryReader.read(geoJson);
		store.setBoundary(slug, geoJson, caller.actor());
		boundaries.remove(slug);
		events.publishEvent(new RegionBoundaryChanged(slug, boundary.polygonCount(), boundary.holeCount(), Instant.now(clock)));
		return get(slug);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Region> find(RegionSlug slug) {
		return store.find(slug);
	}

	@Override
	@Transactional(readOnly = true)
	public Region get(RegionSlug slug) {
		return find(slug).orElseThrow(() -> new NotFound("There is no region '" + slug + "'"));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Region> all() {
		return store.all();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Region> served() {
		List<Region> all = all();
		if (!home.isBlank()) {
			return all.stream().filter(region -> region.slug().value().equals(home.strip())).findFirst();
		}
		return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> boundaryGeoJson(RegionSlug slug) {
		get(slug);
		return store.boundary(slug);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BoundaryOutline> outline(RegionSlug slug) {
		return boundary(slug).map(Boundary::outline);
	}

	@Override
	@Transactional(readOnly = true)
	public Locality locality(RegionSlug slug, Coordinates point) {
		Boundary boundary = boundary(slug).orElseThrow(() -> new NotFound(
				"Region '" + slug + "' has no boundary yet, so locality cannot be judged"));
		double allowance = parameters.current(RegionParameters.LOCALITY_ALLOWANCE).amount().doubleValue();
		return boundary.localityOf(point, allowance);
	}

	private Optional<Boundary> boundary(RegionSlug slug) {
		Boundary cached = boundaries.get(slug);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Boundary> read = boundaryGeoJson(slug).map(GeoJsonBoundaryReader::read);
		read.ifPresent(b -> boundaries.put(slug, b));
		return read;
	}
}
