-- A refresh grant rewrites a family's access and refresh tokens and nothing else. It used to write
-- a whole new row version (4 to 5 kB, inline since V2026_11_21_140) and a new entry in every one of the
-- table's nine indexes, two of them because the token values it replaces were indexed.
--
-- Now the two rotating values are found through issued_token (by SHA-256, as refresh and ID tokens
-- already were), so their hash indexes go, and the update changes no indexed column. The values a
-- family keeps from its sign-in (the principal and request, the ID token and its claims) are stored
-- out of line, uncompressed (PostgreSQL moves them out until a row fits its 2 kB target), and a
-- page filled to half leaves room for the
-- new version beside the old one. PostgreSQL then updates in place (a heap-only tuple): no index
-- entry written, and the old version pruned from the page on a later visit instead of by VACUUM.

alter table issued_token drop constraint issued_token_kind_check;
alter table issued_token add constraint issued_token_kind_check check (kind in ('REFRESH', 'ID', 'ACCESS'));
comment on table issued_token is 'site data: hashes of the refresh, ID and access tokens issued here and the family each belongs to';

insert into issued_token (token_hash, kind, authorization_id, issued_at)
  select sha256(convert_to(access_token_value, 'UTF8')), 'ACCESS', id, coalesce(access_token_issued_at, now())
    from oauth2_authorization where access_token_value is not null
  on conflict do nothing;
insert into issued_token (token_hash, kind, authorization_id, issued_at)
  select sha256(convert_to(refresh_token_value, 'UTF8')), 'REFRESH', id, coalesce(refresh_token_issued_at, now())
    from oauth2_authorization where refresh_token_value is not null
  on conflict do nothing;

drop index oauth2_authorization_access_token;
drop index oauth2_authorization_refresh_token;

alter table oauth2_authorization
  alter column attributes set storage external,
  alter column oidc_id_token_value set storage external,
  alter column oidc_id_token_metadata set storage external,
  alter column access_token_value set storage main,
  alter column access_token_metadata set storage main,
  alter column refresh_token_value set storage main,
  alter column refresh_token_metadata set storage main;
alter table oauth2_authorization set (fillfactor = 50);
alter table oauth2_authorization reset (toast_tuple_target);

-- An access token's hash is of use while the token is its family's current one and has not expired
-- (ExpiredAuthorizations forgets the others): found by age.
create index issued_token_access_by_time on issued_token (issued_at) where kind = 'ACCESS';
