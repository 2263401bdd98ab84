-- What the API must refuse before it expires: a revoked access token (by its jti), a revoked family (by its
-- authorization id, which a person's access token names in its jti), or every token of an account issued before a
-- time (a password change, leaving ACTIVE). Every process of this site keeps these in memory and reads what other
-- processes added since its last read (RevokedTokens); recorded_in lets it read only that: a row is new to a reader
-- when its transaction was still running or unborn at the reader's previous snapshot.
create table token_revocation (
  kind         text        not null check (kind in ('TOKEN', 'FAMILY', 'ACCOUNT')),
  subject      text        not null,
  revoked_at   timestamptz not null,
  forget_after timestamptz not null,
  recorded_in  xid8        not null default pg_current_xact_id(),
  primary key (kind, subject)
);
create index token_revocation_recorded_in on token_revocation (recorded_in);
create index token_revocation_forget_after on token_revocation (forget_after);
comment on table token_revocation is 'site data: access tokens, families and accounts whose unexpired access tokens the API refuses, until no such token can still be valid';
