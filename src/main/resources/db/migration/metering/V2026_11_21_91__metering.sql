-- Metering: daily usage rows per (person, offering, day), from sign-in events and provider reports.

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('metering.report-cap', 'units',
   'The most an offering''s provider may report for one person on one day (for example 1000 GB-days); more is stored capped and flagged', 0, null);
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('metering.report-cap', 1000, '1970-01-01T00:00:00Z', 'seed',
   'Issue 5: reported usage is capped per person per day so no provider can inflate its share');

-- Which OpenID Connect client signs people in to which offering. One client counts for one offering.
create table offering_client (
  offering_id uuid primary key,
  client_id   text not null unique,
  linked_by   text not null,
  linked_at   timestamptz not null default now()
);
comment on table offering_client is 'region data: the OpenID Connect client of each offering, kept by its partner at the core';

-- Provider reports, exactly as sent (idempotent per offering and key), with what was counted.
create table usage_report (
  id              bigint generated always as identity primary key,
  offering        uuid not null,
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  person          uuid not null,
  day             date not null,
  quantity        bigint not null check (quantity >= 0),
  counted         bigint not null check (counted >= 0 and counted <= quantity),
  cap             bigint not null,
  anomaly         boolean not null,
  reported_at     timestamptz not null default now(),
  reported_by     text not null,
  unique (offering, idempotency_key)
);
create index usage_report_anomalies on usage_report (reported_at desc) where anomaly;
comment on table usage_report is 'region data: providers'' usage reports as received at the core, with the cap applied (append-only)';
create trigger usage_report_append_only before update or delete on usage_report
  for each row execute function refuse_change_to_append_only();

-- The daily usage rows settlement reads. A sign-in row (active, 0 units) exists at most once per
-- (person, offering, day); a report row carries the counted units of one report.
-- period is the first day of the row's month, so one month is one contiguous index range.
create table usage_day (
  period   date not null generated always as (date_trunc('month', day::timestamp)::date) stored,
  person   uuid not null,
  offering uuid not null,
  day      date not null,
  active   boolean not null,
  units    bigint not null check (units >= 0),
  report   bigint references usage_report (id),
  check ((active and units = 0 and report is null) or (not active and report is not null))
);
create unique index usage_day_sign_ins on usage_day (person, offering, day) where active;
-- the aggregation reads (period, person, offering) in order and needs nothing else: an index-only scan
create index usage_day_by_period on usage_day (period, person, offering) include (active, units);
comment on table usage_day is 'region data: daily usage per person and offering, derived at the core from shipped sign-in events and reports (append-only)';
create trigger usage_day_append_only before update or delete on usage_day
  for each row execute function refuse_change_to_append_only();
