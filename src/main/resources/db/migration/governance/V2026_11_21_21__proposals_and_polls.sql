-- Proposals, their discussion, polls, ballots, receipts and decisions.

create table proposal (
  id              uuid primary key,
  number          bigint generated always as identity unique,
  kind            text not null check (kind in ('PARAMETER_CHANGE', 'CRITERIA_CHANGE', 'GENERAL', 'APPEAL')),
  title           text not null check (length(trim(title)) between 1 and 200),
  rationale       text not null check (length(trim(rationale)) between 1 and 20000),
  state           text not null check (state in ('DRAFT', 'DISCUSSION', 'POLL', 'OUTCOME', 'IMPLEMENTED')),
  author          text not null,
  parameter_key   text,
  parameter_value numeric,
  effective_from  timestamptz,
  criteria_change text,
  created_at      timestamptz not null default now(),
  check ((kind = 'PARAMETER_CHANGE') = (parameter_key is not null and parameter_value is not null and effective_from is not null)),
  check ((kind = 'CRITERIA_CHANGE') = (criteria_change is not null))
);
comment on table proposal is 'region data: proposals to the members and where each stands in its lifecycle';

-- Members involved in an appeal: they may not vote on it.
create table proposal_involved_member (
  proposal_id uuid not null references proposal (id),
  member_id   uuid not null references governance_member (id),
  primary key (proposal_id, member_id)
);
comment on table proposal_involved_member is 'region data: the parties to an appeal, excluded from its poll';
create trigger proposal_involved_member_append_only before update or delete on proposal_involved_member
  for each row execute function refuse_change_to_append_only();

create table proposal_comment (
  id          bigint generated always as identity primary key,
  proposal_id uuid not null references proposal (id),
  author      text not null,
  body        text not null check (length(trim(body)) between 1 and 5000),
  written_at  timestamptz not null default now()
);
create index proposal_comment_by_proposal on proposal_comment (proposal_id, id);
comment on table proposal_comment is 'region data: the discussion of each proposal';
create trigger proposal_comment_append_only before update or delete on proposal_comment
  for each row execute function refuse_change_to_append_only();

-- A poll's rules are fixed when it opens.
create table poll (
  id             uuid primary key,
  proposal_id    uuid not null unique references proposal (id),
  method         text not null check (method in ('CONSENT', 'MAJORITY', 'SUPERMAJORITY', 'SCORE', 'INSTANT_RUNOFF', 'SCHULZE', 'DOT')),
  options        text[] not null,
  quorum         numeric not null check (quorum >= 0),
  threshold      numeric,
  max_points     int not null default 0,
  opens_at       timestamptz not null,
  closes_at      timestamptz not null,
  anonymous      boolean not null,
  results_hidden boolean not null,
  opened_by      text not null,
  check (closes_at > opens_at)
);
comment on table poll is 'region data: polls and their fixed rules';
create trigger poll_append_only before update or delete on poll
  for each row execute function refuse_change_to_append_only();

-- Who voted, for which member, and when: every casting, also in anonymous polls. Never what.
create table ballot_receipt (
  id        bigint generated always as identity primary key,
  poll_id   uuid not null references poll (id),
  member_id uuid not null references governance_member (id),
  cast_by   text not null,
  by_proxy  boolean not null,
  cast_at   timestamptz not null default now()
);
create index ballot_receipt_by_poll on ballot_receipt (poll_id, member_id);
comment on table ballot_receipt is 'region data: receipts of who cast a ballot (never its content)';
create trigger ballot_receipt_append_only before update or delete on ballot_receipt
  for each row execute function refuse_change_to_append_only();

-- Named polls: each casting is a row; the latest per member counts.
create table named_ballot (
  id        bigint generated always as identity primary key,
  poll_id   uuid not null references poll (id),
  member_id uuid not null references governance_member (id),
  content   text not null,
  weight    numeric not null check (weight > 0),
  cast_at   timestamptz not null default now()
);
create index named_ballot_latest on named_ballot (poll_id, member_id, id desc);
comment on table named_ballot is 'region data: ballots of named polls, append-only history';
create trigger named_ballot_append_only before update or delete on named_ballot
  for each row execute function refuse_change_to_append_only();

-- Anonymous polls: a member may take part once (the first casting claims the row), ...
create table anonymous_participation (
  poll_id   uuid not null references poll (id),
  member_id uuid not null references governance_member (id),
  primary key (poll_id, member_id)
);
comment on table anonymous_participation is 'region data: which members took part in an anonymous poll (never how)';
create trigger anonymous_participation_append_only before update or delete on anonymous_participation
  for each row execute function refuse_change_to_append_only();

-- ... and the ballots carry no voter, no time and no ordered id: only the SHA-256 of a secret
-- token that the voter alone holds, a revision number per token (the highest counts), and the
-- content with its class weight, sealed (AES-GCM) with a key that is never in the database.
create table anonymous_ballot (
  id         uuid primary key,
  poll_id    uuid not null references poll (id),
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  revision   int not null check (revision >= 1),
  sealed     text not null,
  unique (token_hash, revision)
);
comment on table anonymous_ballot is 'region data: sealed ballots of anonymous polls, keyed by a hash of the voter''s secret token only';
create trigger anonymous_ballot_append_only before update or delete on anonymous_ballot
  for each row execute function refuse_change_to_append_only();

create table decision (
  id           uuid primary key,
  number       bigint generated always as identity unique,
  poll_id      uuid not null unique references poll (id),
  proposal_id  uuid not null unique references proposal (id),
  outcome      text not null check (outcome in ('PASSED', 'REJECTED', 'BLOCKED', 'NO_QUORUM', 'CHOSEN', 'NO_CHOICE')),
  winner       text,
  explanation  text not null,
  weight_cast  numeric not null,
  ballots_cast int not null,
  details      jsonb not null,
  decided_at   timestamptz not null default now(),
  decided_by   text not null
);
comment on table decision is 'region data: the decision log: every poll''s outcome with its counting details';
create trigger decision_append_only before update or delete on decision
  for each row execute function refuse_change_to_append_only();

-- Each notice (a poll opened, a poll closed) is sent once: the row claims it.
create table poll_notice (
  poll_id    uuid not null references poll (id),
  kind       text not null check (kind in ('OPENED', 'CLOSED')),
  noticed_at timestamptz not null default now(),
  primary key (poll_id, kind)
);
comment on table poll_notice is 'region data: which poll notifications have been sent';
create trigger poll_notice_append_only before update or delete on poll_notice
  for each row execute function refuse_change_to_append_only();
