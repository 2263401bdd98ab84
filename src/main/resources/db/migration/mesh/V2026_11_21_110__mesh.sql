-- The mesh (docs/mesh.md): the core's register of sites, heartbeats that measure replication lag,
-- and the guard that keeps region data read-only at a site.

create table mesh_site (
  name          text primary key check (name ~ '^[a-z][a-z0-9_]{0,30}$'),
  public_jwk    text not null,
  database      text not null,
  state         text not null check (state in ('REQUESTED', 'APPROVED')),
  requested_at  timestamptz not null,
  approved_at   timestamptz,
  approved_by   text,
  subscribed_at timestamptz,
  last_error    text
);
comment on table mesh_site is 'site data: the core''s register of sites that asked to join and were approved, with the connection to each site''s database (kept at the core only)';

-- Written by the core every few seconds and replicated to every site: how old the newest beat is at
-- a site is how far that site's region data lags behind.
create table mesh_heartbeat (
  node    text primary key,
  beat_at timestamptz not null
);
comment on table mesh_heartbeat is 'region data: the core''s heartbeat, whose age at a site is that site''s replication lag';

-- Written by each site and shipped to the core: the same measure in the other direction.
create table mesh_site_heartbeat (
  site    text primary key,
  beat_at timestamptz not null
);
comment on table mesh_site_heartbeat is 'site data: each site''s heartbeat, shipped to the core, whose age there is the lag of that site''s data';

-- At a site, every region table gets a trigger with this function. Replication's apply worker runs
-- with session_replication_role = replica, in which ordinary triggers do not fire, so the core's
-- rows still arrive. Rows that a migration seeds (Flyway's sessions set commonscloud.writer to
-- 'migration') are skipped, not refused: the core's own migration writes them, and replication
-- brings them here.
create function mesh_refuse_region_write() returns trigger language plpgsql as $$
begin
  if current_setting('commonscloud.writer', true) = 'migration' then
    return null;
  end if;
  raise exception 'region data is written at the region core, not at a site: % on % is refused here', tg_op, tg_table_name
    using errcode = 'read_only_sql_transaction';
end;
$$;
