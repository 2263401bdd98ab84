-- The mesh (docs/mesh.md): every site signs with its own key, and sites ship their sign-in events
-- to the core.

-- A site's public key is region data written at the core when the site joins; its private half
-- never leaves the site, so the core's row has none.
alter table signing_key alter column sealed_private_key drop not null;

create table local_signing_key (
  kid                text primary key,
  site               text not null,
  public_jwk         text not null,
  sealed_private_key bytea not null,
  created_at         timestamptz not null default now(),
  active_from        timestamptz not null
);
comment on table local_signing_key is 'site data: a site''s own token-signing key with its private half (sealed with this node''s key-encryption key); its public half becomes region data in signing_key when the core approves the site';

-- Several sites ship rows into the core's sign_in_event: each site numbers its own, so the key is
-- (site, id), and a row delivered twice is the same row.
alter table sign_in_event drop constraint sign_in_event_pkey;
alter table sign_in_event add primary key (site, id);
