-- Power telemetry of servers and sites. Site data: readings are written where they are measured.
--
-- power_reading is partitioned by month (UTC) so that a year of 5-minute readings for 100 servers
-- (about 10.5 million rows) stays quick to write and to prune; partitions are made on demand by
-- ensure_power_reading_partitions(). power_day holds each source's daily energy, recomputed from
-- the raw readings for the days an ingest touched, so questions over a year read 365 rows.

create table power_reading (
  source_kind    text not null check (source_kind in ('SERVER', 'SITE')),
  source_id      uuid not null,
  measured_at    timestamptz not null,
  consumption_w  real not null check (consumption_w >= 0),
  renewable_w    real not null check (renewable_w >= 0),
  grid_import_w  real not null check (grid_import_w >= 0),
  battery_wh     real check (battery_wh >= 0),
  received_at    timestamptz not null default now(),
  primary key (source_id, measured_at)
) partition by range (measured_at);
comment on table power_reading is 'site data: power readings of servers and sites (W, battery Wh), partitioned by month';

create function ensure_power_reading_partitions(from_at timestamptz, to_at timestamptz) returns void
language plpgsql as $$
declare
  month date := date_trunc('month', from_at at time zone 'UTC')::date;
  last_month date := date_trunc('month', to_at at time zone 'UTC')::date;
  partition text;
begin
  while month <= last_month loop
    partition := 'power_reading_' || to_char(month, 'YYYY_MM');
    if to_regclass(partition) is null then
      begin
        execute format('create table %I partition of power_reading for values from (%L) to (%L)', partition,
          month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
        execute format('comment on table %I is %L', partition,
          'site data: power readings of ' || to_char(month, 'YYYY-MM') || ' (UTC), a monthly partition of power_reading');
      exception when duplicate_table then
        null; -- another ingest made it first
      end;
    end if;
    month := (month + interval '1 month')::date;
  end loop;
end
$$;

-- Explicit corrections: the values a reading had before a correction replaced them. Append-only.
create table power_reading_correction (
  id                 bigint generated always as identity primary key,
  source_kind        text not null,
  source_id          uuid not null,
  measured_at        timestamptz not null,
  old_consumption_w  real not null,
  old_renewable_w    real not null,
  old_grid_import_w  real not null,
  old_battery_wh     real,
  new_consumption_w  real not null,
  new_renewable_w    real not null,
  new_grid_import_w  real not null,
  new_battery_wh     real,
  corrected_by       text not null check (length(trim(corrected_by)) > 0),
  corrected_at       timestamptz not null default now()
);
create index power_reading_correction_source on power_reading_correction (source_id, measured_at);
comment on table power_reading_correction is 'site data: the append-only record of corrected power readings, with the values they replaced';
create trigger power_reading_correction_append_only before update or delete on power_reading_correction
  for each row execute function refuse_change_to_append_only();

create table power_day (
  source_kind          text not null check (source_kind in ('SERVER', 'SITE')),
  source_id            uuid not null,
  day                  date not null,
  readings             int not null,
  covered_s            int not null check (covered_s between 0 and 86400 + 300),
  consumption_wh       double precision not null,
  renewable_supply_wh  double precision not null,
  grid_import_wh       double precision not null,
  lowest_battery_wh    real,
  first_at             timestamptz not null,
  last_at              timestamptz not null,
  primary key (source_id, day)
);
comment on table power_day is 'site data: daily energy of each telemetry source (UTC days), recomputed from power_reading on ingest';

-- Recomputes the daily energy of one source for the UTC days first_day..last_day. Each reading
-- stands for the time until the next reading of the same source, capped at spacing_s: a gap adds
-- nothing, and the last reading stands for spacing_s. An interval belongs to the day its reading
-- was taken on.
create function refresh_power_days(p_source uuid, first_day date, last_day date, spacing_s int) returns int
language sql as $$
  with intervals as (
    select r.source_kind, r.measured_at, r.consumption_w, r.renewable_w, r.grid_import_w, r.battery_wh,
           least(extract(epoch from lead(r.measured_at) over (order by r.measured_at) - r.measured_at)::float8, spacing_s) as dt
      from power_reading r
     where r.source_id = p_source
       and r.measured_at >= first_day::timestamp at time zone 'UTC'
       and r.measured_at < (last_day + 1)::timestamp at time zone 'UTC' + make_interval(secs => spacing_s)
  ), days as (
    select min(source_kind) as source_kind, (measured_at at time zone 'UTC')::date as day, count(*) as readings,
           sum(dt) as covered_s,
           sum(consumption_w * dt) / 3600 as consumption_wh,
           sum(renewable_w * dt) / 3600 as renewable_supply_wh,
           sum(grid_import_w * dt) / 3600 as grid_import_wh,
           min(battery_wh) as lowest_battery_wh, min(measured_at) as first_at, max(measured_at) as last_at
      from intervals
     group by 2
  ), upserted as (
    insert into power_day (source_kind, source_id, day, readings, covered_s, consumption_wh, renewable_supply_wh,
                           grid_import_wh, lowest_battery_wh, first_at, last_at)
    select source_kind, p_source, day, readings, round(covered_s), consumption_wh, renewable_supply_wh, grid_import_wh,
           lowest_battery_wh, first_at, last_at
      from days
     where day between first_day and last_day
    on conflict (source_id, day) do update set
      readings = excluded.readings, covered_s = excluded.covered_s, consumption_wh = excluded.consumption_wh,
      renewable_supply_wh = excluded.renewable_supply_wh, grid_import_wh = excluded.grid_import_wh,
      lowest_battery_wh = excluded.lowest_battery_wh, first_at = excluded.first_at, last_at = excluded.last_at
    returning 1
  )
  select count(*)::int from upserted
$$;
