-- Where each site's renewable supply comes from: on the site, or a named community installation
-- in the region. Declarations are kept (append-only); the latest one is in force.
create table site_power_supply (
  id                 bigint generated always as identity primary key,
  site_id            uuid not null,
  kind               text not null check (kind in ('ON_SITE', 'COMMUNITY_INSTALLATION')),
  installation_name  text check (length(installation_name) between 1 and 200),
  description        text check (length(description) <= 2000),
  declared_by        text not null check (length(trim(declared_by)) > 0),
  declared_at        timestamptz not null default now(),
  check (kind <> 'COMMUNITY_INSTALLATION' or installation_name is not null)
);
create index site_power_supply_site on site_power_supply (site_id, declared_at desc, id desc);
comment on table site_power_supply is 'region data: the append-only declarations of where sites'' renewable supply comes from';
create trigger site_power_supply_append_only before update or delete on site_power_supply
  for each row execute function refuse_change_to_append_only();
