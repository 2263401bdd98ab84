/**
 * Pages that compose several modules: the management dashboard and a partner's page, which show
 * partners, regions, sites, servers and admins together and post to the modules that own them.
 */
@ApplicationModule(displayName = "Pages")
package coop.commonscloud.pages;

import org.springframework.modulith.ApplicationModule;
