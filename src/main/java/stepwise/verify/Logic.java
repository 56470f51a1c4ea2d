package stepwise.verify;

import java.util.function.Function;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Trees;

/**
 * And, Or, Not, True and False over atomic conditions decided by a function, in three-valued
 * logic: null means "cannot tell" (an And with a false part is false whatever the others are).
 */
final class Logic {
  private Logic() {}

  static Boolean evaluate(IExpr condition, Function<IAST, Boolean> atom) {
    if (condition.equals(S.True)) {
      return true;
    }
    if (condition.equals(S.False)) {
      return false;
    }
    if (!(condition instanceof IAST ast)) {
      return null;
    }
    IExpr head = ast.head();
    if (head.equals(S.And) || head.equals(S.Or)) {
      boolean and = head.equals(S.And);
      boolean unknown = false;
      for (IExpr part : Trees.args(ast)) {
        Boolean v = evaluate(part, atom);
        if (v == null) {
          unknown = true;
        } else if (v != and) {
          return v;
        }
      }
      return unknown ? null : and;
    }
    if (head.equals(S.Not)) {
      Boolean v = evaluate(ast.arg1(), atom);
      return v == null ? null : !v;
    }
    return atom.apply(ast);
  }
}
