-- The offline_access scope (OpenID Connect Core 11) is offered to every client that gets refresh tokens:
-- those with a secret (public clients authenticate with "none" and get no refresh token). Clients
-- registered from now on have it from ClientService; this gives it to those registered before.
update oauth2_registered_client
   set scopes = scopes || ',offline_access'
 where client_authentication_methods <> 'none'
   and ',' || authorization_grant_types || ',' like '%,refresh_token,%'
   and ',' || scopes || ',' not like '%,offline_access,%';
