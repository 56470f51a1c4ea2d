package stepwise.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The four verdicts. Only {@link #PROVED} and {@link #CONFIRMED} hold; {@link #UNKNOWN} is never
 * a pass. In JSON they are the words proved, confirmed, refuted, unknown.
 */
public enum Status {
  /** Shown symbolically under the assumptions. */
  PROVED,
  /** No symbolic proof, but it holds at every sample point (and at a few in high precision). */
  CONFIRMED,
  /** False: a counterexample, re-checked at 50 digits and by the certifier, is given. */
  REFUTED,
  /** Neither; the reason says why (time limit, a condition that cannot be shown, ...). */
  UNKNOWN;

  public boolean holds() {
    return this == PROVED || this == CONFIRMED;
  }

  @JsonValue
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Status of(stepwise.verify.Status s) {
    return switch (s) {
      case PROVED -> PROVED;
      case CONFIRMED -> CONFIRMED;
      case REFUTED -> REFUTED;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
