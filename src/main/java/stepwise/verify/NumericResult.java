package stepwise.verify;

import java.util.List;

/**
 * What sampling found: how many points were valid, how many were skipped because a side is
 * undefined there, the largest error, and a confirmed counterexample if one was found.
 * exhaustive: there was nothing to vary (no variables), so the points checked are all there is.
 */
record NumericResult(int points, int undefined, double maxError, Counterexample counterexample, String problem,
    List<SpotCheck> shown, boolean exhaustive) {
  /** Nothing sampled yet. */
  static final NumericResult NONE = new NumericResult(0, 0, 0, null, null, List.of(), false);

  boolean violated() {
    return counterexample != null;
  }

  /** Enough valid points to count as numerical confirmation. */
  boolean confirms(int wanted) {
    return counterexample == null && problem == null && (points >= Math.min(wanted, 20) || (exhaustive && points > 0));
  }
}
