create table partner (
  id                  uuid primary key,
  legal_name          text not null check (length(legal_name) between 1 and 200),
  structure           text not null check (structure in ('REGISTERED_COOPERATIVE', 'OTHER_INCORPORATED_BODY', 'UNINCORPORATED_COLLECTIVE')),
  registration_number text check (length(registration_number) <= 60),
  registered_at       timestamptz not null default now(),
  check (structure = 'UNINCORPORATED_COLLECTIVE' or registration_number is not null)
);
create unique index partner_legal_name_unique on partner (lower(legal_name));
comment on table partner is 'region data: partner organisations';

create table partner_contact (
  partner_id uuid not null references partner (id),
  position   int not null,
  name       text not null,
  role       text,
  email      text not null,
  phone      text,
  primary key (partner_id, position)
);
comment on table partner_contact is 'region data: the people to reach at each partner (private to the partner and stewards)';
