package stepwise.model;

import org.matheclipse.core.interfaces.IExpr;

/** A rule with a step's parameters bound: a function from one expression to the next. */
public interface Call {
  /** The name of the catalogue rule called. */
  String ruleName();

  /**
   * The rewrite of expr under the domains in force at this step (declared, plus what earlier
   * steps introduced), or NotApplicable saying why the rule does not apply.
   */
  Rewrite apply(IExpr expr, Domains domains);

  /** Whether the step was found by the search (stepwise derive, rule: auto) rather than written. */
  default boolean found() {
    return false;
  }

  /**
   * A call that goes to the expression the author writes (by: algebra with expect:), rather
   * than computing one: the loader hands it the step's expect:, and the verifier checks the
   * step like any other.
   */
  interface Targeted extends Call {
    Call toward(IExpr target);
  }

  /** The rule does not apply to the expression. */
  final class NotApplicable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotApplicable(String message) {
      super(message, null, false, false);
    }
  }
}
