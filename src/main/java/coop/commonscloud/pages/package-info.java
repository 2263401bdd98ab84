/**
 * Pages that compose several modules: the management dashboard and a partner's page, which show
 * partners, regions, sites, servers and admins together and post to the modules that own them; the
 * public catalogue of services on offer; and a newcomer's first steps (plan, how to pay, services,
 * where their data lives), whose progress ({@code first_steps}) is the one table this module owns.
 */
@ApplicationModule(displayName = "Pages")
package coop.commonscloud.pages;

import org.springframework.modulith.ApplicationModule;
