-- Accounts: one per person, valid at every site of the region.
create table account (
  id            uuid primary key,
  username      text not null check (length(username) between 2 and 40),
  display_name  text not null check (length(display_name) between 1 and 100),
  password_hash text not null,
  role          text not null check (role in ('STEWARD', 'PARTNER_ADMIN', 'MEMBER')),
  partner_id    uuid,
  created_at    timestamptz not null default now(),
  check ((role = 'PARTNER_ADMIN') = (partner_id is not null))
);
create unique index account_username_unique on account (lower(username));
create index account_partner on account (partner_id) where partner_id is not null;
comment on table account is 'region data: accounts and their password hashes';
