-- The services a person picked from the catalogue (their first steps, and later their own list). Picking again
-- replaces the set; no other module reads this table.
create table chosen_offering (
  person      uuid not null,
  offering_id uuid not null references offering (id),
  chosen_at   timestamptz not null default now(),
  primary key (person, offering_id)
);
comment on table chosen_offering is 'region data: the offerings each person picked from the catalogue, written at the core';
