-- TRUNCATE removes rows without firing row triggers, so an append-only table needs a statement-level
-- trigger as well as its row trigger. The ledger and payouts had one from the start; this gives it to
-- every other table whose row trigger is refuse_change_to_append_only(). The function needs no change:
-- it raises for TG_OP = 'TRUNCATE' as it does for UPDATE and DELETE.
-- Each table is named, so a reader sees which tables are covered; AppendOnlyTablesTests finds the
-- tables from the catalog and fails when a later table has one trigger without the other.

-- identity
create trigger sign_in_event_no_truncate before truncate on sign_in_event
  for each statement execute function refuse_change_to_append_only();

-- infrastructure
create trigger power_reading_correction_no_truncate before truncate on power_reading_correction
  for each statement execute function refuse_change_to_append_only();
create trigger site_power_supply_no_truncate before truncate on site_power_supply
  for each statement execute function refuse_change_to_append_only();
create trigger outage_drill_no_truncate before truncate on outage_drill
  for each statement execute function refuse_change_to_append_only();

-- parameters
create trigger platform_parameter_no_truncate before truncate on platform_parameter
  for each statement execute function refuse_change_to_append_only();
create trigger platform_parameter_definition_no_truncate before truncate on platform_parameter_definition
  for each statement execute function refuse_change_to_append_only();

-- catalogue
create trigger liberatory_licence_no_truncate before truncate on liberatory_licence
  for each statement execute function refuse_change_to_append_only();

-- governance
create trigger governance_proxy_no_truncate before truncate on governance_proxy
  for each statement execute function refuse_change_to_append_only();
create trigger proposal_involved_member_no_truncate before truncate on proposal_involved_member
  for each statement execute function refuse_change_to_append_only();
create trigger proposal_comment_no_truncate before truncate on proposal_comment
  for each statement execute function refuse_change_to_append_only();
create trigger poll_no_truncate before truncate on poll
  for each statement execute function refuse_change_to_append_only();
create trigger ballot_receipt_no_truncate before truncate on ballot_receipt
  for each statement execute function refuse_change_to_append_only();
create trigger named_ballot_no_truncate before truncate on named_ballot
  for each statement execute function refuse_change_to_append_only();
create trigger anonymous_participation_no_truncate before truncate on anonymous_participation
  for each statement execute function refuse_change_to_append_only();
create trigger anonymous_ballot_no_truncate before truncate on anonymous_ballot
  for each statement execute function refuse_change_to_append_only();
create trigger decision_no_truncate before truncate on decision
  for each statement execute function refuse_change_to_append_only();
create trigger poll_notice_no_truncate before truncate on poll_notice
  for each statement execute function refuse_change_to_append_only();

-- qualification
create trigger financial_declaration_no_truncate before truncate on financial_declaration
  for each statement execute function refuse_change_to_append_only();
create trigger evidence_no_truncate before truncate on evidence
  for each statement execute function refuse_change_to_append_only();
create trigger evidence_review_no_truncate before truncate on evidence_review
  for each statement execute function refuse_change_to_append_only();
create trigger excluded_host_no_truncate before truncate on excluded_host
  for each statement execute function refuse_change_to_append_only();
create trigger qualification_evaluation_no_truncate before truncate on qualification_evaluation
  for each statement execute function refuse_change_to_append_only();
create trigger sanction_case_no_truncate before truncate on sanction_case
  for each statement execute function refuse_change_to_append_only();
create trigger sanction_step_no_truncate before truncate on sanction_step
  for each statement execute function refuse_change_to_append_only();
create trigger sanction_appeal_no_truncate before truncate on sanction_appeal
  for each statement execute function refuse_change_to_append_only();
create trigger sanction_appeal_decision_no_truncate before truncate on sanction_appeal_decision
  for each statement execute function refuse_change_to_append_only();

-- billing
create trigger billing_payer_no_truncate before truncate on billing_payer
  for each statement execute function refuse_change_to_append_only();
create trigger billing_plan_choice_no_truncate before truncate on billing_plan_choice
  for each statement execute function refuse_change_to_append_only();
create trigger billing_concession_confirmation_no_truncate before truncate on billing_concession_confirmation
  for each statement execute function refuse_change_to_append_only();
create trigger payment_no_truncate before truncate on payment
  for each statement execute function refuse_change_to_append_only();
create trigger payment_refund_no_truncate before truncate on payment_refund
  for each statement execute function refuse_change_to_append_only();
create trigger bank_statement_unmatched_no_truncate before truncate on bank_statement_unmatched
  for each statement execute function refuse_change_to_append_only();

-- metering
create trigger usage_report_no_truncate before truncate on usage_report
  for each statement execute function refuse_change_to_append_only();
create trigger usage_day_no_truncate before truncate on usage_day
  for each statement execute function refuse_change_to_append_only();

-- settlement
create trigger settlement_line_no_truncate before truncate on settlement_line
  for each statement execute function refuse_change_to_append_only();
create trigger settlement_run_total_no_truncate before truncate on settlement_run_total
  for each statement execute function refuse_change_to_append_only();
