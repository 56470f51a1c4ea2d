package stepwise.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Re-checks at 50 significant digits, with Symja and the point's exact values, what the fast
 * double evaluation suggested. A counterexample is only ever reported after this agrees.
 */
final class Precise {
  static final int DIGITS = 50;
  /** A second, higher precision: a true difference stays, rounding noise shrinks. */
  static final int CONFIRM_DIGITS = 70;
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final int MAX_TERMS = 20_000;

  private Precise() {}

  /** The value of expr at the point, as a Symja number with 50 digits, or null. */
  static IExpr at(IExpr expr, Point p) {
    return at(expr, p, DIGITS);
  }

  /** The value of expr at the point with the given number of digits, or null. */
  static IExpr at(IExpr expr, Point p, int digits) {
    Map<IExpr, IExpr> values = new HashMap<>();
    p.scalars().forEach((s, v) -> values.put(s, v.exact()));
    IExpr e = Trees.substitute(expr, values);
    int[] budget = {MAX_TERMS};
    e = expand(e, budget);
    if (e == null) {
      return null;
    }
    e = members(e, p.families());
    IExpr numeric = e;
    try {
      IExpr result = Cas.withDeadline(DEADLINE, () -> Cas.evaluate(Trees.node(S.N, numeric, F.ZZ(digits))));
      return result.isNumber() ? result : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /**
   * The exact value of expr at p, if it is surely not zero: computed at 50 and at 70 digits,
   * the two agree to 6 digits and are not 0. Rounding noise (a true zero computed as 1e-52)
   * shrinks by ~20 orders between the two and is reported as zero (null also means "cannot
   * tell").
   */
  static IExpr surelyNonZero(IExpr expr, Point p) {
    IExpr low = at(expr, p, DIGITS);
    IExpr high = at(expr, p, CONFIRM_DIGITS);
    if (low == null || high == null || high.isZero()) {
      return null;
    }
    // |high - low| / |high| in arbitrary precision: doubles would turn 1e-835 into 0
    IExpr ratio = Cas.evaluate(Trees.node(S.N, Trees.times(Trees.node(S.Abs, Trees.plus(high, Trees.negate(low))),
        Trees.power(Trees.node(S.Abs, high), F.CN1)), F.ZZ(CONFIRM_DIGITS)));
    if (!ratio.isReal()) {
      return null;
    }
    return compare(ratio, 1e-6) <= 0 ? high : null;
  }

  /** Sign of a real number computed exactly (never through a double, which may underflow). */
  static int sign(IExpr real) {
    IExpr s = Cas.evaluate(Trees.node(S.Sign, real));
    return s.isOne() ? 1 : s.isMinusOne() ? -1 : 0;
  }

  /** Compares a real Symja number with a (moderate) double, in arbitrary precision. */
  static int compare(IExpr real, double bound) {
    IExpr d = Cas.evaluate(Trees.node(S.N, Trees.plus(real, Trees.negate(F.num(bound))), F.ZZ(CONFIRM_DIGITS)));
    return sign(d);
  }

  /** Whether a and b surely differ at p (their difference is surely not zero); null if unknown. */
  static Boolean differ(IExpr a, IExpr b, Point p) {
    IExpr low = at(Trees.plus(a, Trees.negate(b)), p, DIGITS);
    if (low == null) {
      return null;
    }
    return surelyNonZero(Trees.plus(a, Trees.negate(b)), p) != null;
  }

  static double magnitude(IExpr number) {
    try {
      return Cas.evaluate(Trees.node(S.Abs, number)).evalf();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Writes out sums and products whose bounds are now integers; null if too many terms. */
  private static IExpr expand(IExpr e, int[] budget) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    if (it != null && it.lo().isInteger() && it.hi().isInteger()) {
      int lo = it.lo().toIntDefault();
      int hi = it.hi().toIntDefault();
      budget[0] -= Math.max(0, hi - lo + 1);
      if (budget[0] < 0) {
        return null;
      }
      List<IExpr> terms = new ArrayList<>();
      for (int k = lo; k <= hi; k++) {
        IExpr term = expand(Trees.substitute(ast.arg1(), Map.of(it.index(), F.ZZ(k))), budget);
        if (term == null) {
          return null;
        }
        terms.add(term);
      }
      boolean sum = ast.head().equals(S.Sum);
      if (terms.isEmpty()) {
        return sum ? F.C0 : F.C1;
      }
      return Trees.node(sum ? S.Plus : S.Times, terms);
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      IExpr x = expand(arg, budget);
      if (x == null) {
        return null;
      }
      rebuilt.append(x);
    }
    return rebuilt;
  }

  private static IExpr members(IExpr e, Map<ISymbol, TreeMap<Integer, Point.Value>> families) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    if (ast.head() instanceof ISymbol head && families.containsKey(head) && ast.argSize() == 1 && ast.arg1().isInteger()) {
      Point.Value v = families.get(head).get(ast.arg1().toIntDefault());
      return v == null ? S.Indeterminate : v.exact();
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(members(arg, families));
    }
    return rebuilt;
  }
}
