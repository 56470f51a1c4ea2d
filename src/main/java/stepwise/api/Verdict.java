package stepwise.api;

/**
 * A verdict on one statement (an equivalence, a claim, one check of a step).
 *
 * @param status proved, confirmed (numerically), refuted or unknown
 * @param method how it was proved or confirmed (e.g. "expand"), or null
 * @param reason why it is refuted or unknown (a sentence), or null
 * @param counterexample where it fails, when refuted (null otherwise)
 * @param samples how many sample points were evaluated (0 if none)
 * @param maxError the largest relative difference of the sides over the passing sample points
 */
public record Verdict(Status status, String method, String reason, Counterexample counterexample, int samples,
    double maxError) {
  public Verdict {
    java.util.Objects.requireNonNull(status, "status");
  }

  /** Whether the statement holds (proved or confirmed); unknown does not. */
  public boolean holds() {
    return status.holds();
  }

  static Verdict of(stepwise.verify.Finding f) {
    return new Verdict(Status.of(f.status()), blankToNull(f.method()), blankToNull(f.reason()),
        Counterexample.of(f.counterexample()), f.samples(), f.maxError());
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
