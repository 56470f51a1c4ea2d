package stepwise.model;

import org.matheclipse.core.interfaces.IExpr;

/** Parses an expression in a derivation's scope; errors point at the source given. */
public interface ExprReader {
  IExpr read(String text, Source source);

  /**
   * Parses with extra names that are local to a step (the t of a function -Log(t) a rule is
   * given): each maps to the symbol given.
   */
  IExpr read(String text, Source source, java.util.Map<String, org.matheclipse.core.interfaces.ISymbol> locals);

  /** The domains of the derivation the expressions belong to. */
  Domains domains();

  /**
   * Makes a symbol a step brings in (such as the per-sample family y(k)) known to the
   * expressions read after it. Applied names resolve to it; bare names keep their meaning.
   */
  void introduce(org.matheclipse.core.interfaces.ISymbol symbol, Domain domain);
}
