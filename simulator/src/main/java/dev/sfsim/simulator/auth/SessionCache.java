package dev.sfsim.simulator.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sfsim.simulator.org.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Access tokens this process has found valid in PostgreSQL, so that an API call does not look its
 * token up again (the lookup was the largest share of a query's time). Correctness rules:
 *
 * <ul>
 *   <li>expiry is checked on every hit against the simulated clock, so moving the clock past a
 *       token's expiry refuses it at once;
 *   <li>every revocation made through this process forgets the revoked sessions ({@link #forget}),
 *       every reset all of them ({@link #forgetAll()}), and a lookup that raced with either is not
 *       kept (a generation counter), so a revoked token is refused by the very next call while
 *       every other session stays cached;
 *   <li>a token deleted by another simulator process sharing the database is refused within {@link
 *       #TTL}.
 * </ul>
 *
 * Unknown tokens are never cached.
 */
final class SessionCache {
  /** How long a positive lookup is trusted without asking PostgreSQL again. */
  static final Duration TTL = Duration.ofSeconds(1);

  private static final int MAX_SESSIONS = 10_000;

  private final Cache<String, Session> sessions =
      Caffeine.newBuilder().maximumSize(MAX_SESSIONS).expireAfterWrite(TTL).build();
  private final AtomicLong generation = new AtomicLong();

  /**
   * The session of {@code token} valid at {@code now}, from the cache or else from {@code lookup}.
   */
  Optional<Session> get(String token, Instant now, Function<String, Optional<Session>> lookup) {
    Session cached = sessions.getIfPresent(token);
    if (cached != null) {
      if (cached.expiresAt().isAfter(now)) {
        return Optional.of(cached);
      }
      sessions.invalidate(token);
    }
    long before = generation.get();
    Optional<Session> found = lookup.apply(token).filter(s -> s.expiresAt().isAfter(now));
    if (found.isPresent()) {
      sessions.put(token, found.get());
      // A revocation between the lookup and the put bumped the generation: drop what may be stale.
      if (generation.get() != before) {
        sessions.invalidate(token);
      }
    }
    return found;
  }

  /** Read before writing a session that {@link #remember} keeps after the commit. */
  long generation() {
    return generation.get();
  }

  /**
   * Keeps a session this process has just written (the first call with a new token then needs no
   * lookup), unless a revocation or reset came after {@code before}.
   */
  void remember(Session session, long before) {
    sessions.put(session.token(), session);
    if (generation.get() != before) {
      sessions.invalidate(session.token());
    }
  }

  /** Forgets the sessions of these tokens (after a revocation). */
  void forget(java.util.Collection<String> tokens) {
    generation.incrementAndGet();
    sessions.invalidateAll(tokens);
  }

  /** Forgets every cached session (after a reset). */
  void forgetAll() {
    generation.incrementAndGet();
    sessions.invalidateAll();
  }
}
