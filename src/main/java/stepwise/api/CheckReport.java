package stepwise.api;

import java.util.List;

/**
 * What checking derivations found: each derivation with a verdict per step, then each claim.
 *
 * @param passes every derivation and claim holds (a file that records a mistake passes when it
 *     is refuted, as on the command line)
 */
public record CheckReport(boolean passes, List<DerivationReport> derivations, List<ClaimReport> claims) {
  public CheckReport {
    derivations = List.copyOf(derivations);
    claims = List.copyOf(claims);
  }

  /**
   * One derivation.
   *
   * @param file where it was read (a path, or the name given to YAML text)
   * @param status the steps' verdicts together: refuted if any is, else unknown if any is
   * @param expectFailure the file records a mistake (expect: fails)
   * @param problem why the derivation could not be followed to its end, or null
   * @param start the start expression, printed in Stepwise's syntax (null if none was reached)
   * @param end the last expression (null if none was reached)
   * @param relation the relation from start to end (=, ≤, ≃_Q, ...), or null
   */
  public record DerivationReport(String id, String file, String title, Status status, boolean passes,
      boolean expectFailure, String problem, String start, String end, String relation, List<StepReport> steps) {
    public DerivationReport {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One step: the rule, what it produced, and the verdict on it.
   *
   * @param number 1-based
   * @param relation the step's relation to the previous expression, or null if the rule did not apply
   * @param expression the expression the step produced (or the author's expect: when the rule did not apply)
   * @param failure why the rule did not apply, or null
   * @param verdict the step's verdict: method when it holds, reason when not, the counterexample when refuted
   * @param checks every check the step needed (side conditions, the relation, the author's expect:)
   */
  public record StepReport(int number, String rule, String relation, String expression, String failure,
      Verdict verdict, List<Check> checks) {
    public StepReport {
      checks = List.copyOf(checks);
    }
  }

  /** One check inside a step: what was checked ("previous = result", "yhat > 0") and its verdict. */
  public record Check(String what, Verdict verdict) {}

  /**
   * One claim.
   *
   * @param left the left side as resolved (a derivation's result is written out), or null if it could not be
   * @param relation identical, =, <=, >=, <, >, convex, concave, increasing, decreasing
   * @param passes it holds (or, when it records a mistake, it is refuted)
   */
  public record ClaimReport(String name, String left, String relation, String right, boolean expectFailure,
      boolean passes, Verdict verdict) {}
}
