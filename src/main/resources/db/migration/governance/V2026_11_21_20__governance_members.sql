-- Governance members: who votes, through whom, and with what weight on which kind of proposal.
-- Other modules' tables are referred to by id only (no foreign keys across modules).

create table governance_member (
  id           uuid primary key,
  member_class text not null check (member_class in ('PARTNER', 'STEWARD_ORGANISATION', 'PERSON')),
  name         text not null check (length(trim(name)) between 1 and 200),
  partner_id   uuid unique,
  username     text,
  email        text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  admitted_at  timestamptz not null default now(),
  admitted_by  text not null,
  check ((member_class = 'PARTNER') = (partner_id is not null)),
  check ((member_class = 'PERSON') = (username is not null))
);
create unique index governance_member_person on governance_member (lower(username)) where username is not null;
comment on table governance_member is 'region data: the voting members of the region (organisations and optionally people) and where to notify them';

-- Named delegates besides the implicit ones (a partner's admins, the region's stewards).
create table governance_delegate (
  member_id    uuid not null references governance_member (id),
  username     text not null,
  email        text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  appointed_by text not null,
  appointed_at timestamptz not null default now()
);
create unique index governance_delegate_once on governance_delegate (member_id, lower(username));
comment on table governance_delegate is 'region data: accounts named to vote for a member organisation';

-- Proxies: member X's ballot may be cast by a delegate of member Y. The latest row per member is
-- in force; a row without a holder withdraws the proxy.
create table governance_proxy (
  id          bigint generated always as identity primary key,
  member_id   uuid not null references governance_member (id),
  holder_id   uuid references governance_member (id),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check (holder_id is null or holder_id <> member_id)
);
create index governance_proxy_member on governance_proxy (member_id, id desc);
comment on table governance_proxy is 'region data: the append-only history of proxies between members';
create trigger governance_proxy_append_only before update or delete on governance_proxy
  for each row execute function refuse_change_to_append_only();

-- Which member classes vote on which kind of proposal, and with what weight. No row: no vote.
create table governance_voting_right (
  proposal_kind text not null check (proposal_kind in ('PARAMETER_CHANGE', 'CRITERIA_CHANGE', 'GENERAL', 'APPEAL')),
  member_class  text not null check (member_class in ('PARTNER', 'STEWARD_ORGANISATION', 'PERSON')),
  weight        numeric not null check (weight > 0),
  primary key (proposal_kind, member_class)
);
comment on table governance_voting_right is 'region data: which member classes vote on which kind of proposal, and their weights';

insert into governance_voting_right (proposal_kind, member_class, weight) values
  ('PARAMETER_CHANGE', 'PARTNER', 1), ('PARAMETER_CHANGE', 'STEWARD_ORGANISATION', 1),
  ('CRITERIA_CHANGE', 'PARTNER', 1), ('CRITERIA_CHANGE', 'STEWARD_ORGANISATION', 1),
  ('GENERAL', 'PARTNER', 1), ('GENERAL', 'STEWARD_ORGANISATION', 1), ('GENERAL', 'PERSON', 1),
  ('APPEAL', 'PARTNER', 1), ('APPEAL', 'STEWARD_ORGANISATION', 1);

-- The region's organising body is a member from the start; its stewards are its delegates.
insert into governance_member (id, member_class, name, admitted_by) values
  ('00000000-0000-4000-8000-000000000001', 'STEWARD_ORGANISATION', 'Region stewards', 'seed');
