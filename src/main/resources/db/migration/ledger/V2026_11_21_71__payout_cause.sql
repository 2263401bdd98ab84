-- Payouts to providers are a cause of their own: they debit the provider's payable and credit cash.
alter table ledger_transaction drop constraint ledger_transaction_cause_kind_check;
alter table ledger_transaction add constraint ledger_transaction_cause_kind_check
  check (cause_kind in ('PAYMENT', 'REFUND', 'SETTLEMENT_RUN', 'PAYOUT', 'REVERSAL'));
