-- TOTP as a second factor, with one-time recovery codes.
create table second_factor (
  account_id    uuid primary key references account (id) on delete cascade,
  sealed_secret bytea not null,
  enabled_at    timestamptz not null default now()
);
comment on table second_factor is 'region data: TOTP secrets, sealed with the key-encryption key (AES-GCM)';

create table recovery_code (
  account_id uuid not null references account (id) on delete cascade,
  code_hash  bytea not null,
  primary key (account_id, code_hash)
);
comment on table recovery_code is 'region data: one-time recovery codes for the second factor (hashed)';

-- Uses are written where the sign-in happens, so a code cannot be replayed at that site.
create table second_factor_use (
  account_id uuid not null,
  step       bigint not null,
  used_at    timestamptz not null default now(),
  primary key (account_id, step)
);
comment on table second_factor_use is 'site data: TOTP time steps already used to sign in here (no replays)';

create table recovery_code_use (
  account_id uuid not null,
  code_hash  bytea not null,
  used_at    timestamptz not null default now(),
  primary key (account_id, code_hash)
);
comment on table recovery_code_use is 'site data: recovery codes already used to sign in here';
