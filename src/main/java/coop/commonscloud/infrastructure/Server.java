package coop.commonscloud.infrastructure;

/** A server of a partner, with its details. */
public record Server(ServerId id, ServerDetails details) {
}
