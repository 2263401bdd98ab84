-- Whether a partner is settler-run decides whether the land-back levy applies to its earnings.
-- Undeclared counts as settler-run, so the levy is never skipped by omission.
alter table partner add column settler_run boolean not null default true;
comment on column partner.settler_run is 'declared by the partner: true unless run by Aboriginal or Torres Strait Islander people';
