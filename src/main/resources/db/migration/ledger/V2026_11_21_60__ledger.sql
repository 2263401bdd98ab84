-- The region's double-entry ledger. Written at the core by payments and settlement runs.
-- The database guarantees what the books need: every transaction has at least two postings that
-- sum to zero per currency (checked at commit by deferred constraint triggers), and nothing posted
-- is ever updated, deleted or truncated (corrections are reversing transactions).

create table ledger_transaction (
  id              bigint generated always as identity primary key,
  entry_date      date not null,
  cause_kind      text not null check (cause_kind in ('PAYMENT', 'REFUND', 'SETTLEMENT_RUN', 'REVERSAL')),
  cause_reference text not null check (length(cause_reference) between 1 and 200),
  description     text not null check (length(description) between 1 and 500),
  posted_at       timestamptz not null default now(),
  posted_by       text not null,
  reverses        bigint unique references ledger_transaction (id),
  check ((cause_kind = 'REVERSAL') = (reverses is not null))
);
comment on table ledger_transaction is 'region data: double-entry ledger transactions (append-only)';

create table ledger_posting (
  id             bigint generated always as identity primary key,
  transaction_id bigint not null references ledger_transaction (id),
  account        text not null check (account ~ '^(Assets|Liabilities|Equity|Income|Expenses)(:[A-Z0-9][A-Za-z0-9-]*)+$'),
  currency       text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor   bigint not null
);
create index ledger_posting_transaction on ledger_posting (transaction_id);
create index ledger_posting_account on ledger_posting (account, currency);
comment on table ledger_posting is 'region data: the postings of ledger transactions (append-only)';

create function ledger_transaction_must_balance() returns trigger language plpgsql as $$
declare
  tx bigint;
  legs int;
  unbalanced record;
begin
  if tg_table_name = 'ledger_transaction' then
    tx := new.id;
  else
    tx := new.transaction_id;
  end if;
  select count(*) into legs from ledger_posting where transaction_id = tx;
  if legs < 2 then
    raise exception 'ledger transaction % has % posting(s); a transaction needs at least two', tx, legs
      using errcode = 'check_violation';
  end if;
  for unbalanced in
    select currency, sum(amount_minor) as total from ledger_posting where transaction_id = tx
    group by currency having sum(amount_minor) <> 0
  loop
    raise exception 'ledger transaction % does not balance: its % postings sum to % minor units, not zero',
      tx, unbalanced.currency, unbalanced.total using errcode = 'check_violation';
  end loop;
  return null;
end;
$$;

create constraint trigger ledger_transaction_balanced after insert on ledger_transaction
  deferrable initially deferred for each row execute function ledger_transaction_must_balance();
create constraint trigger ledger_posting_balanced after insert on ledger_posting
  deferrable initially deferred for each row execute function ledger_transaction_must_balance();

create trigger ledger_transaction_append_only before update or delete on ledger_transaction
  for each row execute function refuse_change_to_append_only();
create trigger ledger_posting_append_only before update or delete on ledger_posting
  for each row execute function refuse_change_to_append_only();
create trigger ledger_transaction_no_truncate before truncate on ledger_transaction
  for each statement execute function refuse_change_to_append_only();
create trigger ledger_posting_no_truncate before truncate on ledger_posting
  for each statement execute function refuse_change_to_append_only();
