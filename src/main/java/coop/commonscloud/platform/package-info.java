/**
 * Shared technical kernel: the errors every module may raise (and the web layer turns into
 * RFC 9457 problem details), paging, and the embedded database used when no external one is set.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package coop.commonscloud.platform;
