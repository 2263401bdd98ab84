package coop.commonscloud.payouts.internal;

import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class BankDetailsStore {

	private final JdbcClient jdbc;

	Optional<BankDetails> find(UUID partnerId) {
		return jdbc.sql("select * from provider_bank_details where partner_id = :id")
				.param("id", partnerId)
				.query((rs, n) -> new BankDetails(partnerId,
						rs.getString("bsb") == null ? null : new BankDetails.AustralianAccount(rs.getString("bsb"),
								rs.getString("account_number"), rs.getString("account_name")),
						rs.getString("iban") == null ? null : new BankDetails.SepaAccount(rs.getString("iban"), rs.getString("bic"),
								rs.getString("account_holder")),
						rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
				.optional();
	}

	void save(BankDetails details) {
		var au = details.australian();
		var eu = details.sepa();
		jdbc.sql("""
				insert into provider_bank_details (partner_id, bsb, account_number, account_name, iban, bic, account_holder, updated_by)
				values (:id, :bsb, :number, :name, :iban, :bic, :holder, :by)
				on conflict (partner_id) do update set bsb = excluded.bsb, account_number = excluded.account_number,
				  account_name = excluded.account_name, iban = excluded.iban, bic = excluded.bic,
				  account_holder = excluded.account_holder, updated_at = now(), updated_by = excluded.updated_by""")
				.param("id", details.partnerId())
				.param("bsb", au == null ? null : au.bsb())
				.param("number", au == null ? null : au.accountNumber())
				.param("name", au == null ? null : au.accountName())
				.param("iban", eu == null ? null : eu.iban())
				.param("bic", eu == null ? null : eu.bic())
				.param("holder", eu == null ? null : eu.holder())
				.param("by", details.updatedBy())
				.update();
	}
}
