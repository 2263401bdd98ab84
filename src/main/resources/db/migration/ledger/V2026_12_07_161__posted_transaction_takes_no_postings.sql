-- A posted ledger transaction takes no further postings. Its postings are written in the same
-- database transaction as its row, and the balance is checked when that commits; a posting added by a
-- later database transaction would unbalance books already checked (and already exported).
--
-- So each ledger transaction records the database transaction that wrote it, and a posting may only
-- join a ledger transaction written by the database transaction it runs in:
-- - written_in is pg_current_xact_id(): the 64-bit id of the top-level transaction, the same inside a
--   savepoint (unlike a row's xmin, which is the savepoint's own id), never reused in this cluster;
-- - posted_at is forced to now(), the start of that transaction, so a row restored or replicated from
--   another cluster, whose ids are counted separately, cannot match a later transaction by chance;
-- - a ledger transaction not visible to the posting's statement (not committed yet by another
--   transaction) is refused too, rather than left to the foreign key, which looks again later.
-- Both are set by a trigger, so an insert cannot claim them. Rows written before this migration have
-- no written_in and are posted. Replication applies rows with session_replication_role = replica, so
-- neither trigger fires there and a site keeps the core's values.

alter table ledger_transaction add column written_in xid8;
comment on column ledger_transaction.written_in is
  'the database transaction that posted it (pg_current_xact_id()); only it may add postings';

create function ledger_transaction_note_writer() returns trigger language plpgsql as $$
begin
  new.written_in := pg_current_xact_id();
  new.posted_at := now();
  return new;
end;
$$;
create trigger ledger_transaction_writer before insert on ledger_transaction
  for each row execute function ledger_transaction_note_writer();

create function ledger_posting_joins_an_open_transaction() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from ledger_transaction
                 where id = new.transaction_id and written_in = pg_current_xact_id() and posted_at = now()) then
    raise exception 'ledger transaction % is posted: it takes no further postings; post a new transaction instead',
      new.transaction_id using errcode = 'restrict_violation';
  end if;
  return new;
end;
$$;
create trigger ledger_posting_joins_open_transaction before insert on ledger_posting
  for each row execute function ledger_posting_joins_an_open_transaction();
