-- OpenID Connect Back-Channel Logout: one row per logout a service is to be told of, appended when a person signs
-- out at this site, leaves ACTIVE, has their tokens revoked, or revokes the service. The logout token itself is
-- signed at each attempt (its exp is short), so no token is stored; the row's id is its jti. A worker delivers due
-- rows and records each attempt's outcome here, with back-off, until delivered or the row is too old to matter.
create table backchannel_logout (
  id                   uuid         primary key,
  registered_client_id varchar(100) not null,
  client_id            varchar(100) not null,
  logout_uri           text         not null,
  subject              text         not null,
  session_id           text,
  requested_at         timestamptz  not null,
  attempts             integer      not null default 0 check (attempts >= 0),
  next_attempt_at      timestamptz  not null,
  delivered_at         timestamptz,
  given_up_at          timestamptz,
  last_outcome         text,
  check (delivered_at is null or given_up_at is null)
);
create index backchannel_logout_due on backchannel_logout (next_attempt_at)
  where delivered_at is null and given_up_at is null;
comment on table backchannel_logout is 'site data: logouts to deliver to services by back-channel (OpenID Connect Back-Channel Logout 1.0), with their delivery attempts';
