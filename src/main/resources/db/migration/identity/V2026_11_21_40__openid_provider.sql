-- The region's OpenID Connect provider (Spring Authorization Server's JDBC schema, with PostgreSQL
-- types: text for blob, timestamptz for timestamp), its signing keys, refresh-token families and
-- the sign-in events that metering counts active days from.

-- Accounts gain what OpenID Connect claims need, and a status.
alter table account
  add column email          text check (email is null or (length(email) between 3 and 254 and email like '%_@_%')),
  add column email_verified boolean not null default false,
  add column status         text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'DELETED'));
create unique index account_email_unique on account (lower(email)) where email is not null;

create table oauth2_registered_client (
  id                            varchar(100) primary key,
  client_id                     varchar(100) not null unique,
  client_id_issued_at           timestamptz not null default now(),
  client_secret                 varchar(200),
  client_secret_expires_at      timestamptz,
  client_name                   varchar(200) not null,
  client_authentication_methods varchar(1000) not null,
  authorization_grant_types     varchar(1000) not null,
  redirect_uris                 varchar(1000),
  post_logout_redirect_uris     varchar(1000),
  scopes                        varchar(1000) not null,
  client_settings               varchar(2000) not null,
  token_settings                varchar(2000) not null
);
comment on table oauth2_registered_client is 'region data: the services (OpenID Connect clients) that sign people in through the region; secrets hashed';

create table client_owner (
  registered_client_id varchar(100) primary key references oauth2_registered_client (id) on delete cascade,
  partner_id           uuid,
  first_party          boolean not null,
  created_by           text not null,
  created_at           timestamptz not null default now()
);
create index client_owner_partner on client_owner (partner_id) where partner_id is not null;
comment on table client_owner is 'region data: which partner registered a client (none: the region itself) and whether it is first-party';

create table oauth2_authorization (
  id                            varchar(100) primary key,
  registered_client_id          varchar(100) not null,
  principal_name                varchar(200) not null,
  authorization_grant_type      varchar(100) not null,
  authorized_scopes             varchar(1000),
  attributes                    text,
  state                         varchar(500),
  authorization_code_value      text,
  authorization_code_issued_at  timestamptz,
  authorization_code_expires_at timestamptz,
  authorization_code_metadata   text,
  access_token_value            text,
  access_token_issued_at        timestamptz,
  access_token_expires_at       timestamptz,
  access_token_metadata         text,
  access_token_type             varchar(100),
  access_token_scopes           varchar(1000),
  oidc_id_token_value           text,
  oidc_id_token_issued_at       timestamptz,
  oidc_id_token_expires_at      timestamptz,
  oidc_id_token_metadata        text,
  refresh_token_value           text,
  refresh_token_issued_at       timestamptz,
  refresh_token_expires_at      timestamptz,
  refresh_token_metadata        text,
  user_code_value               text,
  user_code_issued_at           timestamptz,
  user_code_expires_at          timestamptz,
  user_code_metadata            text,
  device_code_value             text,
  device_code_issued_at         timestamptz,
  device_code_expires_at        timestamptz,
  device_code_metadata          text
);
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_token on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_id_token on oauth2_authorization using hash (oidc_id_token_value);
create index oauth2_authorization_refresh_token on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_user_code on oauth2_authorization using hash (user_code_value);
create index oauth2_authorization_device_code on oauth2_authorization using hash (device_code_value);
create index oauth2_authorization_principal on oauth2_authorization (principal_name);
comment on table oauth2_authorization is 'site data: authorisation codes and the tokens issued at this site (one row per refresh-token family)';

create table oauth2_authorization_consent (
  registered_client_id varchar(100) not null,
  principal_name       varchar(200) not null,
  authorities          varchar(1000) not null,
  primary key (registered_client_id, principal_name)
);
comment on table oauth2_authorization_consent is 'site data: what a person agreed to share with a third-party service';

-- Every refresh token and ID token ever issued, by hash, with its family (the authorization it
-- belongs to): presenting a rotated-out refresh token is recognised as reuse and revokes the whole
-- family; an earlier ID token of the family still works as a logout hint.
create table issued_token (
  token_hash       bytea primary key,
  kind             text not null check (kind in ('REFRESH', 'ID')),
  authorization_id varchar(100) not null,
  issued_at        timestamptz not null
);
create index issued_token_family on issued_token (authorization_id);
comment on table issued_token is 'site data: hashes of refresh and ID tokens issued here and the family each belongs to';

create table refresh_token_family_revoked (
  authorization_id varchar(100) primary key,
  principal_name   varchar(200) not null,
  client_id        varchar(100) not null,
  revoked_at       timestamptz not null default now(),
  reason           text not null
);
comment on table refresh_token_family_revoked is 'site data: refresh-token families revoked because a rotated-out token was presented again';

create table signing_key (
  kid                text primary key,
  site               text not null,
  algorithm          text not null check (algorithm = 'ES256'),
  public_jwk         text not null,
  sealed_private_key bytea not null,
  created_at         timestamptz not null default now(),
  active_from        timestamptz not null
);
create index signing_key_active_from on signing_key (active_from desc);
comment on table signing_key is 'region data: token-signing keys; the public half as a JWK, the private half sealed with the site''s key-encryption key (AES-GCM)';

create table sign_in_event (
  id          bigint generated always as identity primary key,
  occurred_at timestamptz not null,
  site        text not null,
  kind        text not null check (kind in ('PASSWORD', 'CODE_EXCHANGE', 'REFRESH')),
  account_id  uuid,
  username    text,
  client_id   text,
  succeeded   boolean not null,
  reason      text not null,
  source      text
);
create index sign_in_event_account on sign_in_event (account_id, occurred_at);
comment on table sign_in_event is 'site data: every sign-in and token grant at this site, successful or not (append-only)';
create trigger sign_in_event_append_only before update or delete on sign_in_event
  for each row execute function refuse_change_to_append_only();
