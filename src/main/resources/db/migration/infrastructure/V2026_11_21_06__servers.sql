create table server (
  id                uuid primary key,
  partner_id        uuid not null,
  site_id           uuid,
  name              text not null check (length(name) between 1 and 100),
  role              text not null check (role in ('REGIONAL', 'OFF_SITE_BACKUP', 'DNS', 'OPTIONAL_CONNECTOR')),
  hardware          text check (length(hardware) <= 500),
  nominal_draw_w    int not null check (nominal_draw_w >= 0),
  low_power_draw_w  int not null check (low_power_draw_w between 0 and nominal_draw_w),
  battery_wh        int not null check (battery_wh >= 0),
  renewable_peak_w  int not null check (renewable_peak_w >= 0),
  hosting_company   text,
  asn               bigint check (asn between 1 and 4294967295),
  created_at        timestamptz not null default now(),
  check (role <> 'REGIONAL' or site_id is not null),
  check (role = 'REGIONAL' or site_id is not null or (hosting_company is not null and asn is not null))
);
create unique index server_name_unique on server (partner_id, lower(name));
create index server_site on server (site_id);
comment on table server is 'region data: the partners'' servers and their power figures';
