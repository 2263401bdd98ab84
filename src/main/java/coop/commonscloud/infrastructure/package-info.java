/** The partners' servers, their roles, power figures and where they stand. */
package coop.commonscloud.infrastructure;
