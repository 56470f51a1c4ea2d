package stepwise.rules;

import java.util.Map;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Builtins;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Call;

/**
 * Derivative(f, u) in a rule's right side is f'(u), the derivative of the function f (a
 * function variable of the rule, bound to a built-in such as Log or Exp) at u. Once a rule has
 * bound f, Symja differentiates f at a fresh variable and u takes its place, so the chain rule
 * is one catalogue entry for every function the input language has.
 */
final class OuterDerivatives {
  private OuterDerivatives() {}

  static boolean mentions(IExpr e) {
    return Trees.contains(e, x -> x.equals(S.Derivative));
  }

  /** Every Derivative(f, u) of e written out; NotApplicable when f has no derivative Stepwise knows. */
  static IExpr resolve(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    if (ast.head().equals(S.Derivative) && ast.argSize() == 2) {
      return at(ast.arg1(), resolve(ast.arg2()));
    }
    var rebuilt = F.ast(resolve(ast.head()), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(resolve(arg));
    }
    return rebuilt;
  }

  private static IExpr at(IExpr function, IExpr u) {
    if (!(function instanceof IBuiltInSymbol builtIn) || !unary(builtIn)) {
      throw new Call.NotApplicable("the derivative of " + ExprPrinter.print(function)
          + " is not known: the chain rule applies to the input language's functions of one argument (Log, Exp, Sin, ...)");
    }
    ISymbol t = new Symbol("t", Context.DUMMY);
    IExpr derivative;
    try {
      derivative = Cas.evaluate(Trees.node(S.D, Trees.node(builtIn, t), t));
    } catch (Cas.DeadlineExceeded | ArithmeticException e) {
      throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(function));
    }
    if (Trees.contains(derivative, x -> x.equals(S.D) || x.equals(S.Derivative))) {
      throw new Call.NotApplicable("Symja has no closed derivative of " + ExprPrinter.print(function));
    }
    return Trees.tidy(Trees.substitute(derivative, Map.of(t, u)));
  }

  private static boolean unary(IBuiltInSymbol symbol) {
    return Builtins.function(symbol.toString()).map(f -> f.minArgs() == 1).orElse(false)
        && !symbol.equals(S.D) && !symbol.equals(S.Sum) && !symbol.equals(S.Product);
  }

  /** Load-time check: Derivative(f, u) names a function variable the left side binds as a head. */
  static String invalidUse(IExpr rhs, IExpr lhs) {
    String[] problem = {null};
    Trees.contains(rhs, x -> {
      if (x instanceof IAST d && d.head().equals(S.Derivative)) {
        if (d.argSize() != 2 || !(d.arg1() instanceof ISymbol f) || !boundAsHead(lhs, f)) {
          problem[0] = "Derivative(f, u) needs a function variable f that the left side binds as a head, as in f_(g_)";
        }
      }
      return false;
    });
    return problem[0];
  }

  private static boolean boundAsHead(IExpr lhs, ISymbol f) {
    return Trees.contains(lhs, x -> x instanceof IAST a && a.head() instanceof IPatternObject p && f.equals(p.getSymbol()));
  }
}
