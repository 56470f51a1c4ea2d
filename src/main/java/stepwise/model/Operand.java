package stepwise.model;

import org.matheclipse.core.interfaces.IExpr;

/** One side of a claim: an expression, or the result of a derivation (or of one labelled step). */
public sealed interface Operand {
  record Expression(IExpr expr, String text) implements Operand {}

  record ResultOf(String derivation, String label) implements Operand {
    public String describe() {
      return label == null ? "result of " + derivation : derivation + "#" + label;
    }
  }
}
