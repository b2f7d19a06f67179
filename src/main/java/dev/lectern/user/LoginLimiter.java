package dev.lectern.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: after a few failed sign-ins for one name, or many from one client
 * address, each further try must wait, twice as long as the last time, up to {@link #MAX_DELAY}.
 *
 * <p>Kept in memory, not in the library: one process serves a library, a restart forgets at most a
 * few minutes of delay (while an attacker cannot restart the server), and failed tries then cost
 * the disk nothing, so they cannot be used to wear it or fill it.
 */
public final class LoginLimiter {
  /** Failures for one name before the waiting starts. */
  static final int FREE_PER_NAME = 5;

  /** Failures from one address before the waiting starts: more, since people share addresses. */
  static final int FREE_PER_ADDRESS = 20;

  static final Duration FIRST_DELAY = Duration.ofSeconds(2);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /** A name or address with no failure for this long starts afresh. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** Names and addresses remembered at most, least recently failed forgotten first. */
  static final int MAX_KEYS = 100_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_KEYS;
        }
      };

  public LoginLimiter(Clock clock) {
    this.clock = clock;
  }

  /** How long a sign-in for this name from this address must wait; zero when it may go ahead. */
  public synchronized Duration wait(String name, String address) {
    Instant now = clock.instant();
    Duration byName = wait(nameKey(name), FREE_PER_NAME, now);
    Duration byAddress = wait(addressKey(address), FREE_PER_ADDRESS, now);
    return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
  }

  public synchronized void failed(String name, String address) {
    Instant now = clock.instant();
    count(nameKey(name), now);
    count(addressKey(address), now);
  }

  /**
   * A right password clears its name's failures. Not its address's: one account of one's own must
   * not reset the count of guesses at others'.
   */
  public synchronized void succeeded(String name) {
    failures.remove(nameKey(name));
  }

  private Duration wait(String key, int free, Instant now) {
    Failures f = current(key, now);
    if (f == null || f.count() < free) return Duration.ZERO;
    Duration delay = delay(f.count() - free);
    Duration left = Duration.between(now, f.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** 2 s after the free failures, then 4 s, 8 s, ... up to 15 minutes. */
  static Duration delay(int beyondFree) {
    if (beyondFree >= 20) return MAX_DELAY;
    Duration d = FIRST_DELAY.multipliedBy(1L << beyondFree);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private void count(String key, Instant now) {
    Failures f = current(key, now);
    failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
  }

  private Failures current(String key, Instant now) {
    Failures f = failures.get(key);
    if (f != null && Duration.between(f.last(), now).compareTo(FORGET_AFTER) >= 0) {
      failures.remove(key);
      return null;
    }
    return f;
  }

  private static String nameKey(String name) {
    return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
