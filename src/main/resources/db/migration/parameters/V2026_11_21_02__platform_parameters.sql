-- Platform parameters: effective-dated and append-only. A change is a new row; the value in force
-- at an instant is the latest row effective at or before it (ties: the later recorded row).

create table platform_parameter_definition (
  key         text primary key check (key ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$'),
  unit        text not null,
  description text not null,
  minimum     numeric,
  maximum     numeric,
  check (minimum is null or maximum is null or minimum <= maximum)
);
comment on table platform_parameter_definition is 'region data: what each platform parameter means and its allowed range';

create table platform_parameter (
  id             bigint generated always as identity primary key,
  key            text not null references platform_parameter_definition (key),
  value          numeric not null,
  effective_from timestamptz not null,
  recorded_at    timestamptz not null default now(),
  recorded_by    text not null check (length(trim(recorded_by)) > 0),
  reason         text not null check (length(trim(reason)) > 0),
  decision       text
);
create index platform_parameter_in_force on platform_parameter (key, effective_from desc, id desc);
comment on table platform_parameter is 'region data: the append-only history of every platform parameter';

create trigger platform_parameter_append_only before update or delete on platform_parameter
  for each row execute function refuse_change_to_append_only();
create trigger platform_parameter_definition_append_only before update or delete on platform_parameter_definition
  for each row execute function refuse_change_to_append_only();

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('locality.allowance', 'm',
   'How far outside the region''s boundary a regional server may stand and still count as local', 0, 100000),
  ('renewables.minimum-average-share', '%',
   'The least energy-weighted renewable share a server must reach over the last 365 days', 0, 100),
  ('resilience.outage-endurance', 'h',
   'How long a site must keep its LoRes-level functions up without the grid', 0, 8760),
  ('land-back.contribution', '%',
   'The share of gross revenue a settler-run partner contributes to land-back programs', 0, 100),
  ('structure.investor-returns', 'AUD',
   'The most a partner may pay investors as returns in a year (loan servicing for equipment is declared separately)', 0, null),
  ('labour.pay-cap', 'AUD',
   'The most a partner may pay in labour per full-time person per year', 0, null);

-- Seeded from the Solidarity Economy Hosting proposal (Naarm/Melbourne). Effective from the epoch so
-- that every instant has a value.
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('locality.allowance', 1000, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: servers must be in the region or within 1 km of its boundary'),
  ('renewables.minimum-average-share', 80, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: 100% renewable in good conditions, at least 80% on average'),
  ('resilience.outage-endurance', 72, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: basic services stay up through a three-day power outage'),
  ('land-back.contribution', 10, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: settler-run partners contribute 10% of gross revenue to land-back programs'),
  ('structure.investor-returns', 0, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: no returns to investors'),
  -- The per-person labour payment cap starts at the Australian award rate for childcare workers.
  -- Source: Fair Work Ombudsman pay guide for the Children's Services Award 2010 [MA000120],
  -- children's services employee level 3.1 (diploma-qualified educator), full-time 38-hour week,
  -- from the first full pay period on or after 1 July 2025: about AUD 1,212.00 a week, times 52
  -- weeks = AUD 63,024.00 a year. Read on 2026-11-21 as an approximation; stewards should confirm
  -- it against the current pay guide and record the exact figure as a new entry.
  ('labour.pay-cap', 63024.00, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: pay capped at the award rate for childcare workers (Children''s Services Award 2010 [MA000120] level 3.1, full-time, from 1 July 2025, approx. AUD 1,212.00/week x 52; source: Fair Work Ombudsman pay guide, read 2026-11-21)');
