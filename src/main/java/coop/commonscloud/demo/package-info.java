/**
 * A sample region for newcomers: with the Spring profile {@code demo}, the platform loads Naarm
 * (Melbourne) with three partners, their sites and servers, through the other modules' public
 * APIs only. Nothing else depends on this module.
 */
package coop.commonscloud.demo;
