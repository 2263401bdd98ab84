-- Portability: where each offering's provider lets a person take their data out of the service
-- itself (the region's export holds what the region knows; this link is for what the service holds).
create table offering_data_return (
  offering_id uuid primary key,
  export_url  text not null check (export_url ~ '^https://[^[:space:]]+$' and length(export_url) <= 500),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
comment on table offering_data_return is 'region data: each offering''s own data-export link, kept by its partner at the core';
