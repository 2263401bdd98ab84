-- An authorization row (the principal and request, two signed JWTs and their claims as JSON) is about
-- 4 to 5 kB. Past the default 2 kB PostgreSQL compressed its largest columns and moved some into the
-- TOAST table on every write, and decompressed them on every read: on a refresh grant, which reads
-- and rewrites the row, that was a large part of PostgreSQL's work. Rows up to a page now stay inline
-- and uncompressed; larger ones are still compressed and moved out as before.
alter table oauth2_authorization set (toast_tuple_target = 8160);
