package org.ensemble.server.auth;

/** An authenticated person: a stable id (the token's subject) and a display name. */
public record UserIdentity(String id, String name) {}
