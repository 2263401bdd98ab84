-- Brute-force protection reads recent failures from the sign-in events, per account and per source.
create index sign_in_event_username on sign_in_event (lower(username), occurred_at);
create index sign_in_event_source on sign_in_event (source, occurred_at) where not succeeded;

insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('identity.sign-in.free-failures', 'failures', 'Wrong passwords for one account before each further attempt must wait', 1, 100),
  ('identity.sign-in.first-delay', 's', 'The wait after the first failure beyond the free ones; it doubles with each further failure', 0, 600),
  ('identity.sign-in.lockout-failures', 'failures', 'Wrong passwords for one account within the lockout period that lock it for that period, even against the right password', 2, 1000),
  ('identity.sign-in.lockout', 's', 'How long a lockout lasts, and the period failures are counted over: short, so nobody can lock a person out for long', 60, 86400),
  ('identity.sign-in.source-lockout-failures', 'failures', 'Wrong passwords from one network address, for any accounts, within the lockout period that lock that address out', 2, 100000);
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('identity.sign-in.free-failures', 3, '1970-01-01T00:00:00Z', 'seed', 'Three typos are free'),
  ('identity.sign-in.first-delay', 1, '1970-01-01T00:00:00Z', 'seed', 'Then 1 s, 2 s, 4 s, ... between attempts'),
  ('identity.sign-in.lockout-failures', 10, '1970-01-01T00:00:00Z', 'seed', 'Ten wrong passwords in 15 minutes lock the account for 15 minutes'),
  ('identity.sign-in.lockout', 900, '1970-01-01T00:00:00Z', 'seed', 'A short lockout: 15 minutes'),
  ('identity.sign-in.source-lockout-failures', 50, '1970-01-01T00:00:00Z', 'seed', 'One address guessing at many accounts is stopped after 50 wrong passwords in 15 minutes');
