create table region (
  slug       text primary key check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  name       text not null check (length(name) between 1 and 200),
  boundary   jsonb,
  updated_at timestamptz not null default now(),
  updated_by text not null
);
comment on table region is 'region data: the region, its name and boundary (GeoJSON, WGS84)';

create table site (
  id         uuid primary key,
  region     text not null references region (slug),
  partner_id uuid,
  name       text not null check (length(name) between 1 and 200),
  kind       text not null check (kind in ('COMMUNITY_HOUSE', 'LIBRARY', 'PARTNER_RACK', 'HOME')),
  latitude   double precision not null check (latitude between -90 and 90),
  longitude  double precision not null check (longitude between -180 and 180),
  address    text check (length(address) <= 500),
  created_at timestamptz not null default now()
);
create unique index site_name_unique on site (region, lower(name));
create index site_partner on site (partner_id);
comment on table site is 'region data: physical locations where servers run';
