package stepwise.model;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Something the verifier must establish for a step to count. */
public sealed interface Obligation {
  /** A short description for reports. */
  String describe();

  /**
   * A side condition, such as a > 0 with a bound to yhat^y: it must hold at every point of the
   * domains. within lists the summations the matched place sits in (their index ranges add to
   * the domain); extra declares rule-local variables (x > 0 for the monotonicity of -Log(x)).
   */
  record Condition(IExpr condition, List<Iteration> within, Domains extra, String describe) implements Obligation {
    public Condition {
      within = List.copyOf(within);
    }
  }

  /**
   * left RELATION right, where relation is an order or ≃_V. byRule: it follows from a catalogue
   * theorem once the step's conditions are proved (the verifier still checks it on its own).
   */
  record Relates(IExpr left, Relation relation, IExpr right, boolean byRule, String describe) implements Obligation {}

  /**
   * mean is the average over count samples of single: with each variable v replaced by its
   * k-th copy copies.get(v)(k), mean = (1/count) Σ_k single_k.
   */
  record IsMean(IExpr mean, IExpr single, ISymbol count, ISymbol index, java.util.Map<ISymbol, ISymbol> copies,
      String describe) implements Obligation {
    public IsMean {
      copies = java.util.Map.copyOf(copies);
    }
  }

  /**
   * The statements before and after (inequalities or equations) hold at exactly the same
   * points of the domains.
   */
  record SameTruth(IExpr before, IExpr after, String describe) implements Obligation {}

  /** A summation the place of a match sits in: index runs from lo to hi. */
  record Iteration(ISymbol index, IExpr lo, IExpr hi) {}
}
