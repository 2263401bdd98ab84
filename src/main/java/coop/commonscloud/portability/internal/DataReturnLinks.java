package coop.commonscloud.portability.internal;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each offering's own data-export link, which a person's export points to; kept by the offering's partner. */
@Component
@RequiredArgsConstructor
class DataReturnLinks {

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final Caller caller;

	Optional<String> of(UUID offering) {
		return jdbc.sql("select export_url from offering_data_return where offering_id = :id").param("id", offering)
				.query(String.class).optional();
	}

	@Transactional
	String set(UUID offeringId, String url) {
		Offering offering = catalogue.getOffering(new OfferingId(offeringId));
		caller.requireManages(offering.details().partner());
		String link = url == null ? "" : url.strip();
		if (!link.matches("https://\\S{1,490}")) {
			throw new InvalidInput("The data-export link must be an https:// address of at most 500 characters without spaces; got '"
					+ link + "'");
		}
		jdbc.sql("""
				insert into offering_data_return (offering_id, export_url, recorded_by) values (:id, :url, :by)
				on conflict (offering_id) do update set export_url = excluded.export_url,
				  recorded_by = excluded.recorded_by, recorded_at = now()""")
				.param("id", offeringId).param("url", link).param("by", caller.actor()).update();
		return link;
	}
}
