package stepwise.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * The sifting law of the Kronecker delta, bottom-up: Sum(f(i) KroneckerDelta(i, c), {i, lo, hi})
 * = f(c), used only once c is proved an integer with lo <= c <= hi (otherwise the sum is 0 or
 * depends on c, and nothing is rewritten). Symja leaves such sums with a symbolic c untouched.
 */
final class IndicatorForms {
  private final SignProver signs;
  private boolean used;

  IndicatorForms(Domains domains) {
    this.signs = new SignProver(domains);
  }

  String laws() {
    return used ? "Sum(f(i) KroneckerDelta(i, c), {i, lo, hi}) = f(c) for an integer c in [lo, hi]" : "";
  }

  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> x.equals(S.KroneckerDelta) || x.equals(S.Boole));
  }

  IExpr rewrite(IExpr e, List<Obligation.Iteration> scope) {
    return BottomUp.rewrite(e, scope, (n, inScope) -> {
      Obligation.Iteration it = Places.iterationOf(n);
      return it != null && n.head().equals(S.Sum) ? sift(n.arg1(), it, inScope) : null;
    }, false);
  }

  /** f(c) for a body f(i) KroneckerDelta(i, c) (or the delta alone), or null when the law is not established. */
  private IExpr sift(IExpr body, Obligation.Iteration it, List<Obligation.Iteration> scope) {
    List<IExpr> factors = Trees.isHead(body, S.Times) ? new ArrayList<>(Trees.args((IAST) body)) : new ArrayList<>(List.of(body));
    ISymbol i = it.index();
    for (int k = 0; k < factors.size(); k++) {
      IExpr c = pickedValue(factors.get(k), i);
      if (c == null) {
        continue;
      }
      boolean inRange = signs.proves(F.Element(c, S.Integers), scope)
          && signs.proves(F.LessEqual(it.lo(), c), scope) && signs.proves(F.LessEqual(c, it.hi()), scope);
      if (!inRange) {
        return null;
      }
      factors.remove(k);
      IExpr rest = factors.isEmpty() ? F.C1 : factors.size() == 1 ? factors.get(0) : Trees.node(S.Times, factors);
      used = true;
      return Trees.substitute(rest, Map.of(i, c));
    }
    return null;
  }

  /** c when the factor is KroneckerDelta(i, c), Boole(i == c) or either mirrored, with c free of i, else null. */
  private static IExpr pickedValue(IExpr factor, ISymbol i) {
    if (Trees.isHead(factor, S.Boole) && ((IAST) factor).argSize() == 1 && Trees.isHead(((IAST) factor).arg1(), S.Equal)
        && ((IAST) ((IAST) factor).arg1()).argSize() == 2) {
      factor = Trees.node(S.KroneckerDelta, Trees.args(((IAST) factor).arg1()));
    }
    if (!Trees.isHead(factor, S.KroneckerDelta) || ((IAST) factor).argSize() != 2) {
      return null;
    }
    IAST delta = (IAST) factor;
    IExpr other = delta.arg1().equals(i) ? delta.arg2() : delta.arg2().equals(i) ? delta.arg1() : null;
    return other == null || Trees.contains(other, i::equals) ? null : other;
  }
}
