package stepwise.verify;

import java.time.Duration;

/**
 * The time one check may take (one step, one equivalence, one claim): an absolute end that
 * every stage asks before starting more work, so that a deadline is kept by the whole check
 * and not only by its symbolic part. The current budget of a thread is also reachable from
 * deep helpers (the high-precision readings) that would otherwise need it in every signature.
 */
public final class Budget {
  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
  private final long endsAt;
  private final Duration total;

  private Budget(long endsAt, Duration total) {
    this.endsAt = endsAt;
    this.total = total;
  }

  /** A budget of the given length, starting now. */
  public static Budget of(Duration total) {
    return new Budget(System.nanoTime() + total.toNanos(), total);
  }

  /** A budget with no practical end (tests of single stages, the unbounded paths of old callers). */
  public static Budget unlimited() {
    return new Budget(System.nanoTime() + Duration.ofDays(1).toNanos(), Duration.ofDays(1));
  }

  /** The budget of the check running on this thread, or an unlimited one. */
  static Budget current() {
    Budget b = CURRENT.get();
    return b == null ? unlimited() : b;
  }

  /** Runs work with this budget as the thread's current one. */
  <T> T around(java.util.function.Supplier<T> work) {
    Budget outer = CURRENT.get();
    CURRENT.set(outer == null || endsAt < outer.endsAt ? this : outer);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The length the budget was given. */
  public Duration total() {
    return total;
  }

  public long endsAtNanos() {
    return endsAt;
  }

  public Duration remaining() {
    long left = endsAt - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  public boolean expired() {
    return System.nanoTime() >= endsAt;
  }

  /** A budget that ends when this one has only the given share of its time left to spend. */
  public Budget share(double fraction) {
    long now = System.nanoTime();
    long left = Math.max(0, endsAt - now);
    return new Budget(now + (long) (left * fraction), total);
  }

  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }
}
