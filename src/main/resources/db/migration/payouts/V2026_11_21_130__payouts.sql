-- Payouts to providers: their bank details, one payout batch per period per provider, and the files
-- (ABA, pain.001.001.09) in which batches went to the bank.

create table provider_bank_details (
  partner_id         uuid primary key,
  bsb                text check (bsb ~ '^[0-9]{3}-[0-9]{3}$'),
  account_number     text check (account_number ~ '^[0-9]{1,9}$'),
  account_name       text check (length(account_name) between 1 and 32),
  iban               text check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  bic                text check (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
  account_holder     text check (length(account_holder) between 1 and 70),
  updated_at         timestamptz not null default now(),
  updated_by         text not null,
  check ((bsb is null) = (account_number is null) and (bsb is null) = (account_name is null)),
  check ((iban is null) = (bic is null) and (iban is null) = (account_holder is null)),
  check (bsb is not null or iban is not null)
);
comment on table provider_bank_details is 'region data: providers'' bank accounts for payouts (private to the partner''s admins and stewards)';

create table payout_export (
  id          bigint generated always as identity primary key,
  period      text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
  format      text not null check (format in ('ABA', 'PAIN001')),
  currency    text not null check (currency ~ '^[A-Z]{3}$'),
  batches     int not null check (batches > 0),
  total_minor bigint not null check (total_minor > 0),
  content     text not null,
  sha256      text not null,
  created_at  timestamptz not null default now(),
  created_by  text not null
);
comment on table payout_export is 'region data: payout files as they were handed to the bank (append-only)';
create trigger payout_export_append_only before update or delete on payout_export
  for each row execute function refuse_change_to_append_only();
create trigger payout_export_no_truncate before truncate on payout_export
  for each statement execute function refuse_change_to_append_only();

create table payout_batch (
  id                     bigint generated always as identity primary key,
  reference              text not null unique check (length(reference) between 1 and 35),
  period                 text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
  partner_id             uuid not null,
  currency               text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor           bigint not null check (amount_minor > 0),
  -- the bank account as it was when the batch was made, so a later change cannot alter what was paid
  bsb                    text,
  account_number         text,
  account_name           text,
  iban                   text,
  bic                    text,
  account_holder         text,
  ledger_transaction_id  bigint not null unique,
  status                 text not null default 'CREATED' check (status in ('CREATED', 'EXPORTED', 'REVERSED')),
  export_id              bigint references payout_export (id),
  reversal_transaction_id bigint unique,
  reversal_reason        text,
  created_at             timestamptz not null default now(),
  created_by             text not null,
  check ((status = 'EXPORTED') <= (export_id is not null)),
  check ((status = 'REVERSED') = (reversal_transaction_id is not null)),
  check (bsb is not null or iban is not null)
);
-- one live batch per period per provider; a reversed batch makes room for its correction
create unique index payout_batch_one_per_period on payout_batch (period, partner_id) where status <> 'REVERSED';
create index payout_batch_partner on payout_batch (partner_id);
comment on table payout_batch is 'region data: one payout per period per provider, posted to the ledger';

-- A batch never changes what it pays or to whom; it only moves CREATED -> EXPORTED -> REVERSED
-- (or CREATED -> REVERSED), and is never deleted.
create function payout_batch_only_moves_forward() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'payout batch % cannot be deleted; reverse it instead', old.id using errcode = 'restrict_violation';
  end if;
  if (new.reference, new.period, new.partner_id, new.currency, new.amount_minor, new.bsb, new.account_number,
      new.account_name, new.iban, new.bic, new.account_holder, new.ledger_transaction_id, new.created_at, new.created_by)
     is distinct from
     (old.reference, old.period, old.partner_id, old.currency, old.amount_minor, old.bsb, old.account_number,
      old.account_name, old.iban, old.bic, old.account_holder, old.ledger_transaction_id, old.created_at, old.created_by) then
    raise exception 'payout batch % is immutable: what it pays and to whom never changes', old.id
      using errcode = 'restrict_violation';
  end if;
  if old.export_id is not null and new.export_id is distinct from old.export_id then
    raise exception 'payout batch % was already exported in file %', old.id, old.export_id using errcode = 'restrict_violation';
  end if;
  if not ((old.status = new.status and old.status <> 'REVERSED' and new.reversal_transaction_id is not distinct from old.reversal_transaction_id)
       or (old.status = 'CREATED' and new.status in ('EXPORTED', 'REVERSED'))
       or (old.status = 'EXPORTED' and new.status = 'REVERSED')) then
    raise exception 'payout batch % cannot move from % to %', old.id, old.status, new.status using errcode = 'restrict_violation';
  end if;
  return new;
end;
$$;
create trigger payout_batch_forward_only before update or delete on payout_batch
  for each row execute function payout_batch_only_moves_forward();
create trigger payout_batch_no_truncate before truncate on payout_batch
  for each statement execute function refuse_change_to_append_only();
