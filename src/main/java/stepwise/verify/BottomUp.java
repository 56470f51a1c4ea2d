package stepwise.verify;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * One bottom-up walk for the provers' local laws: children first, with the indices of the
 * sums and products around each part in scope (side conditions are proved under them), then
 * the node itself.
 */
final class BottomUp {
  /** A law at one node whose children are already rewritten: the new node, or null for none. */
  interface Law {
    IExpr at(IAST node, List<Obligation.Iteration> scope);
  }

  private BottomUp() {}

  /** Rewrites once per node; with again, a node the law changed is walked again. */
  static IExpr rewrite(IExpr e, List<Obligation.Iteration> scope, Law law, boolean again) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      List<Obligation.Iteration> inner = scope;
      if (it != null && i == 1) {
        inner = new ArrayList<>(scope);
        inner.add(it);
      }
      rebuilt.append(rewrite(ast.get(i), inner, law, again));
    }
    IExpr r = law.at(rebuilt, scope);
    if (r == null) {
      return rebuilt;
    }
    return again ? rewrite(r, scope, law, true) : r;
  }
}
