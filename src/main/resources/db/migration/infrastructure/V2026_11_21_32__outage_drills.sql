-- Real outage drills: a site cut from the grid on purpose, with some servers kept up. Evidence
-- for the resilience criterion, recorded once and never changed (a mistake is a new record).
create table outage_drill (
  id               uuid primary key,
  site_id          uuid not null,
  started_at       timestamptz not null,
  ended_at         timestamptz not null,
  servers_kept_up  uuid[] not null check (cardinality(servers_kept_up) > 0),
  result           text not null check (result in ('PASSED', 'FAILED')),
  notes            text check (length(notes) <= 4000),
  recorded_by      text not null check (length(trim(recorded_by)) > 0),
  recorded_at      timestamptz not null default now(),
  check (ended_at > started_at)
);
create index outage_drill_site on outage_drill (site_id, started_at desc);
comment on table outage_drill is 'region data: the append-only record of real outage drills held at sites';
create trigger outage_drill_append_only before update or delete on outage_drill
  for each row execute function refuse_change_to_append_only();
