-- Billing: sliding-scale plans (prices are platform parameters) and payments, append-only.

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('billing.tier.solidarity', 'AUD',
   'Yearly minimum of the solidarity tier, in dollars (people who can pay more carry others)', 0, null),
  ('billing.tier.full', 'AUD', 'Yearly minimum of the full tier, in dollars', 0, null),
  ('billing.tier.concession', 'AUD', 'Yearly minimum of the concession tier, in dollars', 0, null),
  ('billing.tier.aboriginal-and-torres-strait-islander', 'AUD',
   'Yearly minimum for Aboriginal and Torres Strait Islander people, in dollars', 0, null),
  ('billing.concession.confirmation-required', 'flag',
   '1: a steward must confirm a concession choice; 0: a concession needs no proof', 0, 1);

insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('billing.tier.solidarity', 100, '1970-01-01T00:00:00Z', 'seed', 'Proposal: solidarity AUD 100 a year'),
  ('billing.tier.full', 40, '1970-01-01T00:00:00Z', 'seed', 'Proposal: full AUD 40 a year'),
  ('billing.tier.concession', 10, '1970-01-01T00:00:00Z', 'seed', 'Proposal: concession AUD 10 a year'),
  ('billing.tier.aboriginal-and-torres-strait-islander', 0, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: AUD 0 for Aboriginal and Torres Strait Islander people'),
  ('billing.concession.confirmation-required', 0, '1970-01-01T00:00:00Z', 'seed',
   'Issue 5: concession needs no proof by default');

-- The reference a person writes on a bank transfer so the statement import can find them.
create table billing_payer (
  person            uuid primary key,
  payment_reference text not null unique check (payment_reference ~ '^CC-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  created_at        timestamptz not null default now()
);
comment on table billing_payer is 'region data: each paying person''s bank-transfer reference, written at the core';
create trigger billing_payer_append_only before update or delete on billing_payer
  for each row execute function refuse_change_to_append_only();

-- Every plan a person chose, newest last; the latest is their plan.
create table billing_plan_choice (
  id                 bigint generated always as identity primary key,
  person             uuid not null,
  tier               text not null check (tier in ('SOLIDARITY', 'FULL', 'CONCESSION', 'ABORIGINAL_AND_TORRES_STRAIT_ISLANDER')),
  yearly_cents       bigint not null check (yearly_cents >= 0),
  currency           char(3) not null,
  minimum_cents      bigint not null check (minimum_cents >= 0 and yearly_cents >= minimum_cents),
  needs_confirmation boolean not null,
  chosen_at          timestamptz not null default now(),
  chosen_by          text not null
);
create index billing_plan_choice_person on billing_plan_choice (person, id desc);
comment on table billing_plan_choice is 'region data: the append-only history of the plans people chose, with the minimum in force';
create trigger billing_plan_choice_append_only before update or delete on billing_plan_choice
  for each row execute function refuse_change_to_append_only();

create table billing_concession_confirmation (
  choice_id    bigint primary key references billing_plan_choice (id),
  confirmed_by text not null,
  confirmed_at timestamptz not null default now()
);
comment on table billing_concession_confirmation is 'region data: a steward''s confirmation of a concession choice (append-only)';
create trigger billing_concession_confirmation_append_only before update or delete on billing_concession_confirmation
  for each row execute function refuse_change_to_append_only();

-- Payments: one row per payment received, idempotent by (source, reference).
create table payment (
  id           uuid primary key,
  person       uuid not null,
  amount_cents bigint not null check (amount_cents > 0),
  currency     char(3) not null,
  received_on  date not null,
  source       text not null check (source ~ '^[a-z][a-z0-9-]*$'),
  reference    text not null check (length(trim(reference)) > 0),
  method       text,
  note         text,
  recorded_at  timestamptz not null default now(),
  recorded_by  text not null,
  unique (source, reference)
);
create index payment_by_day on payment (received_on, person);
create index payment_by_person on payment (person, received_on);
comment on table payment is 'region data: payments received, append-only (corrections are refunds), recorded at the core';
create trigger payment_append_only before update or delete on payment
  for each row execute function refuse_change_to_append_only();

create table payment_refund (
  id           uuid primary key,
  payment_id   uuid not null references payment (id),
  person       uuid not null,
  amount_cents bigint not null check (amount_cents > 0),
  currency     char(3) not null,
  refunded_on  date not null,
  why          text not null check (length(trim(why)) > 0),
  recorded_at  timestamptz not null default now(),
  recorded_by  text not null
);
create index payment_refund_by_day on payment_refund (refunded_on, person);
create index payment_refund_by_payment on payment_refund (payment_id);
comment on table payment_refund is 'region data: refunds, each a reversing entry against one payment, append-only';
create trigger payment_refund_append_only before update or delete on payment_refund
  for each row execute function refuse_change_to_append_only();

-- The database, too, refuses refunds beyond what was paid: the payment row is locked so two
-- concurrent refunds cannot both pass the check.
create function refuse_refund_beyond_payment() returns trigger language plpgsql as $$
declare
  paid     bigint;
  refunded bigint;
begin
  select amount_cents into paid from payment where id = new.payment_id for update;
  select coalesce(sum(amount_cents), 0) into refunded from payment_refund where payment_id = new.payment_id;
  if refunded + new.amount_cents > paid then
    raise exception 'refunds of payment % would exceed the % cents paid', new.payment_id, paid
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger payment_refund_within_payment before insert on payment_refund
  for each row execute function refuse_refund_beyond_payment();

-- Bank-statement lines that named no known payment reference: kept for a steward to assign.
-- A line is resolved once a payment with source 'bank-csv' and its transaction id exists.
create table bank_statement_unmatched (
  transaction_id text primary key,
  booked_on      date not null,
  amount_cents   bigint not null,
  currency       char(3) not null,
  description    text not null,
  file_name      text,
  imported_at    timestamptz not null default now(),
  imported_by    text not null
);
comment on table bank_statement_unmatched is 'region data: bank-statement lines no payer was found for, kept for a steward (append-only)';
create trigger bank_statement_unmatched_append_only before update or delete on bank_statement_unmatched
  for each row execute function refuse_change_to_append_only();
