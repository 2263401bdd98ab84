-- The catalogue: the region's governed list of liberatory licences, the free-software
-- applications partners may offer, and the partners' offerings of them.

create table liberatory_licence (
  id        text primary key check (id ~ '^[A-Za-z0-9.\-]{1,100}$'),
  name      text not null check (length(name) between 1 and 200),
  url       text check (length(url) <= 500),
  reason    text not null check (length(trim(reason)) between 1 and 2000),
  added_by  text not null check (length(trim(added_by)) > 0),
  added_at  timestamptz not null default now()
);
create unique index liberatory_licence_id_unique on liberatory_licence (lower(id));
comment on table liberatory_licence is 'region data: the region''s governed, append-only list of liberatory licences accepted besides OSI-approved and FSF-libre ones';
create trigger liberatory_licence_append_only before update or delete on liberatory_licence
  for each row execute function refuse_change_to_append_only();

insert into liberatory_licence (id, name, url, reason, added_by) values
  ('LicenseRef-Anti-Capitalist-1.4', 'Anti-Capitalist Software License v1.4', 'https://anticapitalist.software/',
   'Seeded from the Solidarity Economy Hosting proposal: a liberatory licence that keeps software free for '
   || 'individuals, non-profits, co-operatives and educational institutions and closed to capitalist exploitation', 'seed'),
  ('LicenseRef-Reticulum', 'Reticulum License', 'https://github.com/markqvist/Reticulum/blob/master/LICENSE',
   'Seeded from the Solidarity Economy Hosting proposal: the licence of the Reticulum network stack, free to use, '
   || 'share and change, but not for systems designed to harm people or to train AI models', 'seed');

create table application (
  id              uuid primary key,
  name            text not null check (length(name) between 1 and 100),
  licence         text not null check (length(licence) between 1 and 1000),
  covered_by_lores boolean not null,
  website         text check (length(website) <= 500),
  description     text check (length(description) <= 2000),
  created_at      timestamptz not null default now()
);
create unique index application_name_unique on application (lower(name));
comment on table application is 'region data: free-software applications in the catalogue, with their SPDX licence expression and LoRes flag';

create table offering (
  id                          uuid primary key,
  partner_id                  uuid not null,
  server_id                   uuid not null,
  application_id              uuid not null references application (id),
  audience                    text not null check (audience in ('GENERAL_PUBLIC', 'MEMBERS_ONLY')),
  low_res_option_available    boolean not null,
  low_res_option_recommended  boolean not null,
  address                     text check (length(address) <= 500),
  created_at                  timestamptz not null default now(),
  check (low_res_option_available or not low_res_option_recommended)
);
create unique index offering_unique on offering (partner_id, server_id, application_id);
create index offering_server on offering (server_id);
comment on table offering is 'region data: the services partners offer, each an application on one of their servers';
