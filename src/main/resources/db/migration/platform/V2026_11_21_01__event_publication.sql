-- Spring Modulith's event publication registry (schema v2 for PostgreSQL), so that a listener in
-- another module runs only after the publishing transaction committed, and is retried if it failed.
-- kind: site data (each node keeps its own outbox of events it still has to deliver)
create table event_publication (
  id                     uuid not null primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
comment on table event_publication is 'site data: this node''s outbox of domain events still to deliver';

-- Append-only tables share one trigger function: the database itself refuses UPDATE and DELETE.
-- Corrections are new rows (reversals), never edits.
create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is refused; record a correcting entry instead', tg_table_name, tg_op
    using errcode = 'restrict_violation';
end;
$$;
