package stepwise.rules;

import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Conditions about declarations rather than values, usable in rule files:
 * Distribution(q) or Distribution(q, lo, hi) holds when q is declared a probability
 * distribution (over exactly lo..hi). The verifier decides them from the domains.
 */
public final class Predicates {
  public static final ISymbol DISTRIBUTION = new Symbol("Distribution", Context.DUMMY);

  private Predicates() {}
}
