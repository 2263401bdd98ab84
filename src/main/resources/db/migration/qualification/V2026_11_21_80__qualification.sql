-- Qualification: partners' declarations and evidence, the governed list of big-tech hosts, every
-- evaluation with the inputs it used, and the graduated sanctions with their appeals. Every
-- business record here is append-only: a review, a step or a decision is a new row.

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('qualification.reserve-allowance', 'AUD',
   'The most surplus after labour costs a partner may keep in a year (criterion 1: no profit over labour)', 0, null),
  ('qualification.pay-ratio-maximum', ':1',
   'The highest declared ratio of a partner''s highest to its lowest pay (criterion 5: voluntary simplicity)', 1, 100),
  ('qualification.remedy-period', 'days',
   'How long each step of a sanction case lasts before the next (notice, probation, no new sign-ups, removal)', 1, 3650),
  ('qualification.evidence-validity', 'days',
   'How long an approved piece of evidence or a yearly declaration counts before it has expired', 1, 3650);

insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('qualification.reserve-allowance', 0, '1970-01-01T00:00:00Z', 'seed',
   'Proposal: no profit over and above what is paid for labour; the reserve allowance defaults to 0'),
  ('qualification.pay-ratio-maximum', 3, '1970-01-01T00:00:00Z', 'seed',
   'A 3:1 highest-to-lowest pay ratio, a common co-operative ceiling, until members decide otherwise'),
  ('qualification.remedy-period', 30, '1970-01-01T00:00:00Z', 'seed',
   'Thirty days to remedy a failing criterion before each further step'),
  ('qualification.evidence-validity', 365, '1970-01-01T00:00:00Z', 'seed',
   'Evidence and the financial declaration are renewed yearly');

-- The yearly financial declaration. Figures are minor units of the currency. Private: only
-- stewards and the partner's own admins read it.
create table financial_declaration (
  id                        uuid primary key,
  partner_id                uuid not null,
  year                      int not null check (year between 2000 and 2200),
  currency                  text not null check (currency ~ '^[A-Z]{3}$'),
  surplus_after_labour      bigint not null,
  investor_returns          bigint not null check (investor_returns >= 0),
  equipment_loan_servicing  bigint not null check (equipment_loan_servicing >= 0),
  pay_ratio                 numeric(8, 2) not null check (pay_ratio >= 1),
  gender_pay_policy         boolean not null,
  labour_payments           bigint not null check (labour_payments >= 0),
  full_time_equivalents     numeric(8, 2) not null check (full_time_equivalents > 0),
  gross_revenue             bigint not null check (gross_revenue >= 0),
  land_back_contributions   bigint not null check (land_back_contributions >= 0),
  declared_at               timestamptz not null default now(),
  declared_by               text not null
);
create index financial_declaration_of_partner on financial_declaration (partner_id, declared_at desc);
comment on table financial_declaration is 'region data: partners'' yearly financial declarations (private to stewards and the partner)';
create trigger financial_declaration_append_only before update or delete on financial_declaration
  for each row execute function refuse_change_to_append_only();

-- Evidence for a criterion: a text and optionally one small file, kept in the database.
create table evidence (
  id            uuid primary key,
  partner_id    uuid not null,
  requirement   text not null,
  statement     text not null check (length(statement) between 1 and 10000),
  file_name     text check (length(file_name) <= 200),
  content_type  text,
  content       bytea check (octet_length(content) <= 2097152),
  submitted_at  timestamptz not null default now(),
  submitted_by  text not null
);
create index evidence_of_partner on evidence (partner_id, requirement, submitted_at desc);
comment on table evidence is 'region data: evidence partners submit for the qualification criteria';
create trigger evidence_append_only before update or delete on evidence
  for each row execute function refuse_change_to_append_only();

create table evidence_review (
  id           bigint generated always as identity primary key,
  evidence_id  uuid not null references evidence (id),
  decision     text not null check (decision in ('APPROVED', 'REJECTED')),
  comment      text check (length(comment) <= 2000),
  reviewed_by  text not null,
  reviewed_at  timestamptz not null default now(),
  check (decision = 'APPROVED' or length(trim(comment)) > 0)
);
create unique index evidence_reviewed_once on evidence_review (evidence_id);
comment on table evidence_review is 'region data: stewards'' reviews of evidence';
create trigger evidence_review_append_only before update or delete on evidence_review
  for each row execute function refuse_change_to_append_only();

-- The governed list of companies whose hosting off-site servers may not use.
create table excluded_host (
  id        bigint generated always as identity primary key,
  company   text not null,
  asn       bigint check (asn between 1 and 4294967295),
  added_by  text not null,
  reason    text not null
);
create unique index excluded_host_unique on excluded_host (lower(company), coalesce(asn, 0));
comment on table excluded_host is 'region data: the governed list of big-tech hosting companies and their autonomous systems';
create trigger excluded_host_append_only before update or delete on excluded_host
  for each row execute function refuse_change_to_append_only();

insert into excluded_host (company, asn, added_by, reason) values
  ('Amazon', 16509, 'seed', 'Issue 4: never hosted by Amazon (AWS)'),
  ('Amazon', 14618, 'seed', 'Issue 4: never hosted by Amazon (AWS)'),
  ('Amazon', 8987, 'seed', 'Issue 4: never hosted by Amazon (AWS Europe)'),
  ('Google', 15169, 'seed', 'Issue 4: never hosted by Google'),
  ('Google', 396982, 'seed', 'Issue 4: never hosted by Google (Cloud)'),
  ('Google', 19527, 'seed', 'Issue 4: never hosted by Google'),
  ('Microsoft', 8075, 'seed', 'Issue 4: never hosted by Microsoft (Azure)'),
  ('Microsoft', 8068, 'seed', 'Issue 4: never hosted by Microsoft');

-- Every evaluation of a criterion for a partner, a service offering or a server, with the
-- parameter values and evidence it used.
create table qualification_evaluation (
  id            bigint generated always as identity primary key,
  partner_id    uuid not null,
  subject_kind  text not null check (subject_kind in ('PARTNER', 'OFFERING', 'SERVER')),
  subject_id    uuid not null,
  criterion     text not null,
  verdict       text not null check (verdict in ('MET', 'NOT_MET', 'PENDING', 'EXPIRED')),
  reasons       jsonb not null,
  inputs        jsonb not null,
  cause         text not null,
  evaluated_at  timestamptz not null default now()
);
create index qualification_evaluation_latest on qualification_evaluation (subject_kind, subject_id, criterion, id desc);
create index qualification_evaluation_of_partner on qualification_evaluation (partner_id, id desc);
comment on table qualification_evaluation is 'region data: every evaluation of a qualification criterion with the inputs it used';
create trigger qualification_evaluation_append_only before update or delete on qualification_evaluation
  for each row execute function refuse_change_to_append_only();

-- Graduated sanctions: a case per failing partner criterion, its steps, the partner's appeals and
-- a different steward's decisions.
create table sanction_case (
  id          uuid primary key,
  partner_id  uuid not null,
  criterion   text not null,
  reasons     jsonb not null,
  opened_at   timestamptz not null default now()
);
create index sanction_case_of_partner on sanction_case (partner_id, criterion);
comment on table sanction_case is 'region data: graduated-sanction cases opened by failing criteria';
create trigger sanction_case_append_only before update or delete on sanction_case
  for each row execute function refuse_change_to_append_only();

create table sanction_step (
  id           bigint generated always as identity primary key,
  case_id      uuid not null references sanction_case (id),
  step         text not null check (step in ('NOTICE', 'PROBATION', 'NO_NEW_SIGN_UPS', 'REMOVAL', 'CLOSED')),
  note         text not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
create unique index sanction_step_once on sanction_step (case_id, step);
comment on table sanction_step is 'region data: each step of a sanction case';
create trigger sanction_step_append_only before update or delete on sanction_step
  for each row execute function refuse_change_to_append_only();

create table sanction_appeal (
  id            uuid primary key,
  case_id       uuid not null references sanction_case (id),
  answer        text not null check (length(answer) between 1 and 10000),
  submitted_by  text not null,
  submitted_at  timestamptz not null default now()
);
comment on table sanction_appeal is 'region data: partners'' answers to sanction cases';
create trigger sanction_appeal_append_only before update or delete on sanction_appeal
  for each row execute function refuse_change_to_append_only();

create table sanction_appeal_decision (
  appeal_id   uuid primary key references sanction_appeal (id),
  upheld      boolean not null,
  comment     text not null check (length(trim(comment)) > 0),
  decided_by  text not null,
  decided_at  timestamptz not null default now()
);
comment on table sanction_appeal_decision is 'region data: a steward''s decision on an appeal (never the steward whose review it answers)';
create trigger sanction_appeal_decision_append_only before update or delete on sanction_appeal_decision
  for each row execute function refuse_change_to_append_only();
