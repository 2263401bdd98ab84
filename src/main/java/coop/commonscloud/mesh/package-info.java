/**
 * The mesh: one region, many sites. Each site runs a node with its own PostgreSQL; region data
 * reaches the sites and site data reaches the core through PostgreSQL logical replication, with
 * publications drawn from the table classification. See docs/mesh.md.
 */
package coop.commonscloud.mesh;
