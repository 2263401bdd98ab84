-- Email verification: a link with a single-use token (kept only as its SHA-256) sets
-- account.email_verified, which services see as the email_verified claim.
create table email_verification (
  token_hash bytea primary key,
  account_id uuid not null references account (id) on delete cascade,
  email      text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index email_verification_account on email_verification (account_id);
comment on table email_verification is 'region data: pending and used email-address verifications (tokens hashed)';
