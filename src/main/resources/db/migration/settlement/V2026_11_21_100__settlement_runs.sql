-- Settlement: the governed parameters it reads, the land-back payees governance names, and the
-- runs, one per period, with every person's split (for statements) and the totals that were posted.

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('settlement.stewardship-share', '%',
   'The share of each person''s net payment in a period that goes to the region''s stewardship before the rest is split among providers', 0, 100),
  ('settlement.usage-weighting', 'choice',
   'What a person''s use of an offering weighs when their payment is split among providers: 0 = active days (days with a sign-in), 1 = units the provider reported (capped)', 0, 1),
  ('settlement.no-usage-fallback', 'choice',
   'Where the payment of a person who used nothing in the period goes: 0 = pro-rata to all providers by their total usage, 1 = the region''s commons fund', 0, 1);
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('settlement.stewardship-share', 10, '1970-01-01T00:00:00Z', 'seed',
   'A starting point for the region''s own costs (support, accounts, the core servers), to be set by the members'),
  ('settlement.usage-weighting', 0, '1970-01-01T00:00:00Z', 'seed',
   'Active days: what people do, not what providers report, decides the split by default'),
  ('settlement.no-usage-fallback', 0, '1970-01-01T00:00:00Z', 'seed',
   'A person who used nothing still pays for the region''s services: pro-rata to all providers by usage');

-- Land-back payees: governance names them and their shares of the levy; the levy is split among the
-- active payees by largest remainder, in code order. Until governance names one, the levy is held
-- in Liabilities:LandBack:Unassigned.
create table land_back_payee (
  code       text primary key check (code ~ '^[A-Z0-9][A-Za-z0-9-]{0,39}$'),
  name       text not null check (length(name) between 1 and 200),
  share      int not null check (share between 1 and 1000000),
  active     boolean not null default true,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
comment on table land_back_payee is 'region data: the land-back payees governance names, with their shares of the levy';
insert into land_back_payee (code, name, share, recorded_by) values
  ('Unassigned', 'Land-back levy held until governance names its payees', 1, 'seed');

create table settlement_run (
  id                 uuid primary key,
  period             text not null unique check (period ~ '^[0-9]{4}-[0-9]{2}$'),
  currency           text not null check (currency ~ '^[A-Z]{3}$'),
  status             text not null check (status in ('RUNNING', 'POSTED')),
  started_at         timestamptz not null default now(),
  started_by         text not null,
  people_total       int not null,
  people_done        int not null default 0,
  checkpoint_person  uuid,
  stewardship_ppm    bigint not null,
  land_back_ppm      bigint not null,
  weighting          text not null,
  fallback           text not null,
  parameters         text not null,
  posted_at          timestamptz,
  ledger_transaction bigint,
  check ((status = 'POSTED') = (posted_at is not null))
);
comment on table settlement_run is 'region data: one settlement run per period, its progress, and the parameter values it used';

-- every provider's total usage weight at the start of the run, for the pro-rata fallback, so a
-- resumed run splits exactly as the interrupted one did
create table settlement_provider_weight (
  run_id  uuid not null references settlement_run (id),
  partner uuid not null,
  weight  bigint not null,
  primary key (run_id, partner)
);
comment on table settlement_provider_weight is 'region data: providers'' total usage in a settlement run''s period, for the fallback';

-- one person's split in a run: a STEWARDSHIP line, PROVIDER lines (by usage), FALLBACK lines
-- (pro-rata, for people who used nothing) or a FUND line; written once per chunk, never changed
create table settlement_line (
  run_id       uuid not null references settlement_run (id),
  person       uuid not null,
  line_no      smallint not null,
  kind         text not null check (kind in ('STEWARDSHIP', 'PROVIDER', 'FALLBACK', 'FUND')),
  partner      uuid,
  amount_minor bigint not null,
  weight       bigint not null default 0,
  detail       text,
  primary key (run_id, person, line_no),
  check ((kind in ('PROVIDER', 'FALLBACK')) = (partner is not null))
);
create index settlement_line_person on settlement_line (person);
create index settlement_line_partner on settlement_line (run_id, partner) where partner is not null;
comment on table settlement_line is 'region data: each person''s split in a settlement run, for their statement (append-only)';
create trigger settlement_line_append_only before update or delete on settlement_line
  for each row execute function refuse_change_to_append_only();

create table settlement_provider_total (
  run_id         uuid not null references settlement_run (id),
  partner        uuid not null,
  settler_run    boolean not null,
  usage_gross    bigint not null,
  fallback_gross bigint not null,
  levy           bigint not null,
  payable        bigint not null,
  people         int not null,
  usage_weight   bigint not null,
  primary key (run_id, partner)
);
comment on table settlement_provider_total is 'region data: what each provider earned in a posted settlement run';

create table settlement_payee_total (
  run_id       uuid not null references settlement_run (id),
  payee        text not null,
  name         text not null,
  amount_minor bigint not null,
  primary key (run_id, payee)
);
comment on table settlement_payee_total is 'region data: what each land-back payee was set aside in a posted settlement run';

create table settlement_run_total (
  run_id        uuid primary key references settlement_run (id),
  payments      bigint not null,
  stewardship   bigint not null,
  commons_fund  bigint not null,
  land_back     bigint not null,
  people        int not null,
  people_used_nothing int not null
);
comment on table settlement_run_total is 'region data: the totals of a posted settlement run (no personal data)';
create trigger settlement_run_total_append_only before update or delete on settlement_run_total
  for each row execute function refuse_change_to_append_only();

-- A payment, a refund and a period's settlement reach the ledger once, whatever is retried.
create unique index ledger_transaction_cause_once on ledger_transaction (cause_kind, cause_reference)
  where cause_kind in ('PAYMENT', 'REFUND', 'SETTLEMENT_RUN');
