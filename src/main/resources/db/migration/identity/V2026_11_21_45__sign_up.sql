-- Sign-up: how people join is a region setting (a platform parameter, so members decide it):
-- 0 = open, 1 = with an invite code from a steward, 2 = open but a steward approves each account.
alter table account drop constraint account_status_check;
alter table account add constraint account_status_check check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'DELETED'));

create table invite_code (
  code_hash  bytea primary key,
  created_by text not null,
  note       text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_by    uuid references account (id) on delete set null,
  used_at    timestamptz
);
comment on table invite_code is 'region data: invite codes for sign-up (codes hashed), who made them and who used them';

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('identity.sign-up.mode', 'mode', 'How people join: 0 = open sign-up, 1 = only with an invite code, 2 = sign-up approved by a steward', 0, 2);
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('identity.sign-up.mode', 0, '1970-01-01T00:00:00Z', 'seed', 'Proposal: people sign up once with the region');
