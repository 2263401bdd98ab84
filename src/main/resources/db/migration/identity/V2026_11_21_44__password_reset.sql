-- Password reset: a mailed single-use link (token kept only as its SHA-256), valid one hour.
create table password_reset (
  token_hash bytea primary key,
  account_id uuid not null references account (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index password_reset_account on password_reset (account_id, created_at);
comment on table password_reset is 'region data: password-reset links sent and used (tokens hashed)';
