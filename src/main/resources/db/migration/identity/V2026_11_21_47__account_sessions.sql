-- Where a person is signed in (browser sessions at this site), so they can see and end them.
create table account_session (
  id           uuid primary key,
  account_id   uuid not null,
  session_hash bytea not null unique,
  user_agent   text,
  source       text,
  signed_in_at timestamptz not null default now(),
  ended_at     timestamptz
);
create index account_session_account on account_session (account_id) where ended_at is null;
comment on table account_session is 'site data: browser sessions signed in at this site (session ids hashed), and when they were ended';
