package stepwise.rules;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IRational;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * The arithmetic an author does without a comment once numbers are plugged in: 1 - 0 = 1,
 * x^1 = x, x^0 = 1 (an obligation x != 0 is recorded), 1*x = x, 0*x = 0, x + 0 = x. Exact
 * rational arithmetic only; the order of what remains is kept.
 */
final class Arithmetic {
  private final List<Obligation> obligations = new ArrayList<>();

  List<Obligation> obligations() {
    return obligations;
  }

  IExpr simplify(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    List<IExpr> args = new ArrayList<>();
    for (IExpr a : Trees.args(ast)) {
      args.add(simplify(a));
    }
    IExpr head = ast.head();
    if (head.equals(S.Plus)) {
      return plus(args);
    }
    if (head.equals(S.Times)) {
      return times(args);
    }
    if (head.equals(S.Power) && args.size() == 2) {
      IExpr base = args.get(0);
      IExpr exponent = args.get(1);
      if (exponent.isOne()) {
        return base;
      }
      if (exponent.isZero()) {
        if (!base.isNumber()) {
          obligations.add(new Obligation.Condition(Trees.node(S.Unequal, base, F.C0), List.of(), Domains.NONE,
              "x^0 = 1 needs x != 0, here x = " + stepwise.expr.ExprPrinter.print(base)));
        } else if (base.isZero()) {
          return Trees.node(head, args);
        }
        return F.C1;
      }
      if (base instanceof IRational r && exponent instanceof IInteger k && Math.abs(k.toIntDefault(1000)) <= 64
          && !(r.isZero() && k.isNegative())) {
        return r.powerRational(k.toIntDefault());
      }
    }
    return Trees.tidy(Trees.node(head, args));
  }

  private static IExpr plus(List<IExpr> terms) {
    IRational constant = F.C0;
    List<IExpr> rest = new ArrayList<>();
    int firstNumber = -1;
    for (IExpr t : terms) {
      if (t instanceof IRational r) {
        constant = constant.add(r);
        if (firstNumber < 0) {
          firstNumber = rest.size();
        }
      } else {
        rest.add(t);
      }
    }
    if (!constant.isZero()) {
      rest.add(Math.max(firstNumber, 0), constant); // the number stays where the author had it
    }
    return rest.isEmpty() ? F.C0 : Trees.plus(rest);
  }

  private static IExpr times(List<IExpr> factors) {
    IRational constant = F.C1;
    List<IExpr> rest = new ArrayList<>();
    for (IExpr f : factors) {
      if (f instanceof IRational r) {
        constant = constant.multiply(r);
      } else if (f instanceof INumber) {
        rest.add(f);
      } else {
        rest.add(f);
      }
    }
    if (constant.isZero()) {
      return F.C0;
    }
    if (!constant.isOne()) {
      rest.add(0, constant);
    }
    return rest.isEmpty() ? constant : Trees.times(rest);
  }
}
