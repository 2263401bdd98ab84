package coop.commonscloud.governance.internal;

/** A member the caller may cast a ballot for, and whether only as that member's proxy. */
public record Voice(Member member, boolean byProxy) {
}
