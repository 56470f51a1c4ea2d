package stepwise.verify;

import java.time.Duration;

/**
 * How hard to check: sample points per numeric check (at least 100), the deadline of each
 * symbolic check, and the random seed (fixed, so runs are reproducible).
 */
public record Settings(int samples, Duration deadline, long seed) {
  public static final Settings DEFAULT = new Settings(200, Duration.ofSeconds(5), 20261124L);

  /** The most sample points one numeric check takes: beyond it a check could not keep any deadline. */
  public static final int MAX_SAMPLES = 100_000;

  public Settings {
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES);
    }
  }
}
