package dev.lectern.user;

import java.time.Instant;

/**
 * An account.
 *
 * @param email where digests go; null for none
 * @param timeZone IANA zone id: digests come at the user's hour
 * @param canSignIn whether the account has a password (user 1 of single-user mode has none until it
 *     is claimed)
 */
public record User(
    long id,
    String name,
    String email,
    boolean admin,
    String timeZone,
    Instant createdAt,
    boolean canSignIn) {}
