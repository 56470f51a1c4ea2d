package stepwise.rules;

import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Bindings;
import stepwise.expr.Trees;

/**
 * Side conditions of rules come in two sorts. Structural ones (FreeQ, NumberQ, IntegerQ,
 * SameQ, UnsameQ) are decided on the tree while matching. Domain ones (a > 0, Element(b,
 * Reals), ...) become obligations the verifier must prove under the derivation's domains.
 */
public final class Conditions {
  private static final Set<IExpr> STRUCTURAL = Set.of(S.FreeQ, S.NumberQ, S.IntegerQ, S.SameQ, S.UnsameQ);

  private Conditions() {}

  public static boolean isStructural(IExpr condition) {
    if (condition instanceof IAST ast && (ast.head().equals(S.And) || ast.head().equals(S.Or) || ast.head().equals(S.Not))) {
      return Trees.args(ast).stream().allMatch(Conditions::isStructural);
    }
    return condition instanceof IAST ast && STRUCTURAL.contains(ast.head());
  }

  /** Decides a structural condition once the pattern variables are bound. */
  public static boolean holds(IExpr condition, Bindings bindings) {
    IAST c = (IAST) condition;
    IExpr head = c.head();
    if (head.equals(S.And)) {
      return Trees.args(c).stream().allMatch(a -> holds(a, bindings));
    }
    if (head.equals(S.Or)) {
      return Trees.args(c).stream().anyMatch(a -> holds(a, bindings));
    }
    if (head.equals(S.Not)) {
      return !holds(c.arg1(), bindings);
    }
    List<IExpr> args = Trees.args(c).stream().map(bindings::instantiate).toList();
    if (head.equals(S.FreeQ)) {
      IExpr of = args.get(1);
      return !Trees.contains(args.get(0), e -> e.equals(of));
    }
    if (head.equals(S.NumberQ)) {
      return args.get(0).isNumber();
    }
    if (head.equals(S.IntegerQ)) {
      return args.get(0).isInteger();
    }
    if (head.equals(S.SameQ)) {
      return args.get(0).equals(args.get(1));
    }
    if (head.equals(S.UnsameQ)) {
      return !args.get(0).equals(args.get(1));
    }
    throw new IllegalArgumentException("not a structural condition: " + condition);
  }
}
