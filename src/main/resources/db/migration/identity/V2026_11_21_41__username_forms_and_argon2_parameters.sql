-- Usernames are unique by their canonical form (NFKC with case folding) and by their confusable
-- skeleton (Unicode TS 39), so look-alikes cannot be registered beside each other. Filled in by the
-- application (ICU) when accounts are opened; rows from before are filled at start-up.
alter table account
  add column username_canonical text,
  add column username_skeleton  text;
create unique index account_username_canonical_unique on account (username_canonical);
create unique index account_username_skeleton_unique on account (username_skeleton);

-- Argon2id's cost is a platform parameter: the region decides how hard password hashes are.
-- Hashes made under older values are rehashed when their owner next signs in.
insert into platform_parameter_definition (key, unit, description, minimum, maximum) values
  ('identity.argon2.memory', 'KiB', 'Memory Argon2id uses to hash a password (OWASP minimum: 19456 KiB)', 19456, 1048576),
  ('identity.argon2.iterations', 'passes', 'Argon2id passes over its memory when hashing a password (OWASP minimum: 2)', 2, 20),
  ('identity.argon2.parallelism', 'lanes', 'Argon2id lanes when hashing a password', 1, 16);
insert into platform_parameter (key, value, effective_from, recorded_by, reason) values
  ('identity.argon2.memory', 19456, '1970-01-01T00:00:00Z', 'seed', 'OWASP password storage cheat sheet: Argon2id, m = 19 MiB, t = 2, p = 1'),
  ('identity.argon2.iterations', 2, '1970-01-01T00:00:00Z', 'seed', 'OWASP password storage cheat sheet: Argon2id, m = 19 MiB, t = 2, p = 1'),
  ('identity.argon2.parallelism', 1, '1970-01-01T00:00:00Z', 'seed', 'OWASP password storage cheat sheet: Argon2id, m = 19 MiB, t = 2, p = 1');
