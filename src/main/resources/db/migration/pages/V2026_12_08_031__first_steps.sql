-- A person who signed up is led through their first steps until they finish or skip them.
create table first_steps (
  person      uuid primary key,
  started_at  timestamptz not null,
  finished_at timestamptz
);
comment on table first_steps is 'region data: whether each person who signed up has finished their first steps, written at the core';
