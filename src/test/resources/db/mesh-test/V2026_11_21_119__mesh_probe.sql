-- Test-only (MeshIT): a region table that no code knows about, to show that publications come from
-- the classification. Its seed row shows that a site skips the rows its own migrations seed.
create table mesh_probe (
  id   text primary key,
  note text not null
);
comment on table mesh_probe is 'region data: a test-only table that shows new region tables replicate with no code change';
insert into mesh_probe (id, note) values ('seed', 'seeded by the migration');
