package stepwise.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Interval evaluation of a real expression under the domains: which values it can take. Null
 * means "unknown, or maybe not real" (a complex variable, a log of something not shown
 * positive, ...). Sound: the true range always lies inside the interval returned.
 */
final class Bounds {
  private static final MathContext DOWN = new MathContext(34, RoundingMode.FLOOR);
  private static final MathContext UP = new MathContext(34, RoundingMode.CEILING);
  private static final Interval PI = Interval.between(Math.PI, Math.PI);
  private static final Interval EULER = Interval.between(Math.E, Math.E);
  private final Domains domains;
  private final Map<ISymbol, Interval> fixed;

  /** fixed: intervals for symbols that override the domains (case splits, summation indices). */
  Bounds(Domains domains, Map<ISymbol, Interval> fixed) {
    this.domains = domains;
    this.fixed = fixed;
  }

  Interval of(IExpr e) {
    if (e instanceof IInteger i) {
      return Interval.point(new BigDecimal(i.toBigNumerator()));
    }
    if (e instanceof IFraction f) {
      BigDecimal n = new BigDecimal(f.toBigNumerator());
      BigDecimal d = new BigDecimal(f.toBigDenominator());
      return new Interval(n.divide(d, DOWN), false, n.divide(d, UP), false);
    }
    if (e instanceof INum num) {
      return Interval.point(new BigDecimal(num.doubleValue()));
    }
    if (e instanceof ISymbol s) {
      return symbol(s);
    }
    if (!(e instanceof IAST ast)) {
      return null;
    }
    IExpr head = ast.head();
    if (head.equals(S.Plus)) {
      Interval sum = Interval.point(BigDecimal.ZERO);
      for (IExpr arg : Trees.args(ast)) {
        Interval a = of(arg);
        if (a == null) {
          return null;
        }
        sum = sum.plus(a);
      }
      return sum;
    }
    if (head.equals(S.Times)) {
      Interval product = Interval.point(BigDecimal.ONE);
      for (IExpr arg : Trees.args(ast)) {
        Interval a = of(arg);
        if (a == null) {
          return null;
        }
        product = product.times(a);
      }
      return product;
    }
    if (head.equals(S.Power) && ast.argSize() == 2) {
      return power(ast.arg1(), ast.arg2());
    }
    if (head.equals(S.Log) && ast.argSize() == 1) {
      Interval x = of(ast.arg1());
      if (x == null || !x.positive()) {
        return null;
      }
      Interval clipped = x.lo().signum() == 0 ? new Interval(null, true, x.hi(), x.hiOpen()) : x;
      return clipped.lo() == null
          ? new Interval(null, true, x.hi() == null ? null : logUp(x.hi()), x.hiOpen())
          : clipped.increasing(Math::log, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, BigDecimal.ONE, BigDecimal.ZERO);
    }
    if (head.equals(S.Gamma) && ast.argSize() == 1) {
      // Gamma is positive on the positive reals (its least value there is about 0.8856)
      Interval x = of(ast.arg1());
      return x != null && x.positive() ? new Interval(BigDecimal.ZERO, true, null, true) : null;
    }
    if ((head.equals(S.Erf) || head.equals(S.Erfc)) && ast.argSize() == 1) {
      Interval x = of(ast.arg1());
      if (x == null) {
        return null; // not known to be real
      }
      return head.equals(S.Erf) ? new Interval(BigDecimal.ONE.negate(), true, BigDecimal.ONE, true)
          : new Interval(BigDecimal.ZERO, true, BigDecimal.valueOf(2), true);
    }
    if (head.equals(S.Abs) && ast.argSize() == 1) {
      Interval x = of(ast.arg1());
      if (x == null) {
        return null;
      }
      if (x.nonNegative()) {
        return x;
      }
      if (x.nonPositive()) {
        return x.negate();
      }
      Interval neg = x.negate();
      BigDecimal hi = x.hi() == null || neg.hi() == null ? null : x.hi().max(neg.hi());
      return new Interval(BigDecimal.ZERO, false, hi, hi == null);
    }
    if ((head.equals(S.Sin) || head.equals(S.Cos)) && ast.argSize() == 1 && of(ast.arg1()) != null) {
      return new Interval(BigDecimal.ONE.negate(), false, BigDecimal.ONE, false);
    }
    if (head.equals(S.ArcTan) && ast.argSize() == 1 && of(ast.arg1()) != null) {
      return Interval.between(-Math.PI / 2, Math.PI / 2);
    }
    if (head.equals(S.KroneckerDelta) || head.equals(S.Boole)) {
      return new Interval(BigDecimal.ZERO, false, BigDecimal.ONE, false); // an indicator is 0 or 1
    }
    if (head.equals(S.Sum)) {
      return sum(ast);
    }
    if (head.equals(S.Product)) {
      return product(ast);
    }
    if (head.equals(S.Factorial) && ast.argSize() == 1) {
      Interval x = of(ast.arg1());
      // Gamma(x + 1) >= 0.8856... for x >= 0 (its minimum, near x = 0.4616)
      return x == null || x.lo() == null || x.lo().signum() < 0 ? null
          : new Interval(new BigDecimal("0.885"), false, null, true);
    }
    if (head instanceof ISymbol family && domains.family(family) != null
        && ast.argSize() == domains.family(family).arity()) {
      return domain(domains.family(family).element());
    }
    return null;
  }

  private static BigDecimal logUp(BigDecimal x) {
    return x.compareTo(BigDecimal.ONE) == 0 ? BigDecimal.ZERO : new BigDecimal(Math.nextUp(Math.nextUp(Math.log(x.doubleValue()))));
  }

  private Interval symbol(ISymbol s) {
    Interval f = fixed.get(s);
    if (f != null) {
      return f;
    }
    if (s.equals(S.Pi)) {
      return PI;
    }
    if (s.equals(S.E)) {
      return EULER;
    }
    return domain(domains.of(s));
  }

  static Interval domain(Domain d) {
    if (d instanceof Domain.Real r) {
      if (r.integer()) {
        BigDecimal lo = r.lower().value() == null ? null
            : r.lower().open() ? r.lower().below().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
            : r.lower().below().setScale(0, RoundingMode.CEILING);
        BigDecimal hi = r.upper().value() == null ? null
            : r.upper().open() ? r.upper().above().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
            : r.upper().above().setScale(0, RoundingMode.FLOOR);
        return new Interval(lo, lo == null, hi, hi == null);
      }
      // an inexact bound (3/7) is widened outwards: the interval must contain the domain
      return new Interval(r.lower().value() == null ? null : r.lower().below(), r.lower().open(),
          r.upper().value() == null ? null : r.upper().above(), r.upper().open());
    }
    if (d instanceof Domain.Finite f) {
      Interval hull = null;
      for (IExpr v : f.values()) {
        Interval p = new Bounds(Domains.NONE, Map.of()).of(v);
        if (p == null) {
          return null;
        }
        hull = hull == null ? p : hull.hull(p);
      }
      return hull;
    }
    return null;
  }

  private Interval power(IExpr baseExpr, IExpr exponent) {
    if (baseExpr.equals(S.E)) {
      Interval x = of(exponent);
      return x == null ? null
          : x.increasing(Math::exp, 0.0, Double.POSITIVE_INFINITY, BigDecimal.ZERO, BigDecimal.ONE);
    }
    Interval base = of(baseExpr);
    if (base == null) {
      return null;
    }
    if (exponent instanceof IInteger k) {
      int n = k.toIntDefault(Integer.MIN_VALUE);
      if (n == Integer.MIN_VALUE || Math.abs(n) > 64) {
        return null;
      }
      if (n == 0) {
        return base.excludesZero() ? Interval.point(BigDecimal.ONE) : null;
      }
      Interval p = integerPower(base, Math.abs(n));
      return n > 0 ? p : p.inverse();
    }
    if (exponent.equals(F.C1D2)) {
      if (!base.nonNegative()) {
        return null;
      }
      return base.increasing(Math::sqrt, 0.0, Double.POSITIVE_INFINITY, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    Interval e = of(exponent);
    if (e == null || !base.positive()) {
      return null;
    }
    if (base.isPoint() && base.lo().compareTo(BigDecimal.ONE) == 0) {
      return Interval.point(BigDecimal.ONE);
    }
    if (base.lo().signum() == 0 || base.hi() == null || e.lo() == null || e.hi() == null) {
      return Interval.POSITIVE;
    }
    // b^e is monotone in b and in e separately: the extremes are at the corners.
    double[] bs = {base.lo().doubleValue(), base.hi().doubleValue()};
    boolean[] bOpen = {base.loOpen(), base.hiOpen()};
    double[] es = {e.lo().doubleValue(), e.hi().doubleValue()};
    boolean[] eOpen = {e.loOpen(), e.hiOpen()};
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double v = Math.pow(bs[i], es[j]);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (!Double.isFinite(max)) {
      return Interval.POSITIVE;
    }
    BigDecimal lo = new BigDecimal(Math.nextDown(Math.nextDown(min)));
    boolean loOpen = false;
    if (lo.signum() <= 0) {
      lo = BigDecimal.ZERO;
      loOpen = true;
    }
    assert bOpen.length == eOpen.length;
    return new Interval(lo, loOpen, new BigDecimal(Math.nextUp(Math.nextUp(max))), false);
  }

  private static Interval integerPower(Interval base, int n) {
    if (n % 2 == 1 || base.nonNegative()) {
      return monotonePower(base, n); // increasing there
    }
    if (base.nonPositive()) {
      return monotonePower(base.negate(), n);
    }
    Interval lower = monotonePower(new Interval(BigDecimal.ZERO, false, base.lo() == null ? null : base.lo().negate(),
        base.loOpen()), n);
    Interval upper = monotonePower(new Interval(BigDecimal.ZERO, false, base.hi(), base.hiOpen()), n);
    return lower.hull(upper);
  }

  private static Interval monotonePower(Interval x, int n) {
    BigDecimal lo = x.lo() == null ? null : x.lo().pow(n).round(DOWN);
    BigDecimal hi = x.hi() == null ? null : x.hi().pow(n).round(UP);
    return new Interval(lo, x.loOpen(), hi, x.hiOpen());
  }

  /**
   * Product over i from lo to hi of factors of one sign: positive factors give a positive
   * product (an empty product is 1), non-negative ones a non-negative product.
   */
  private Interval product(IAST ast) {
    Obligation.Iteration it = Places.iterationOf(ast);
    if (it == null) {
      return null;
    }
    Interval lo = of(it.lo());
    Interval hi = of(it.hi());
    if (lo == null || hi == null || lo.lo() == null) {
      return null;
    }
    Map<ISymbol, Interval> inner = new java.util.HashMap<>(fixed);
    inner.put(it.index(), new Interval(lo.lo(), false, hi.hi(), hi.hi() == null));
    Interval factor = new Bounds(domains, inner).of(ast.arg1());
    if (factor == null || factor.lo() == null || factor.lo().signum() < 0) {
      return null;
    }
    boolean positive = factor.lo().signum() > 0 || factor.loOpen();
    return new Interval(BigDecimal.ZERO, positive, null, true);
  }

  /** Sum over i from lo to hi: the number of terms times the range of a term. */
  private Interval sum(IAST ast) {
    Obligation.Iteration it = Places.iterationOf(ast);
    if (it == null) {
      return null;
    }
    Interval lo = of(it.lo());
    Interval hi = of(it.hi());
    if (lo == null || hi == null || lo.lo() == null || lo.hi() == null) {
      return null;
    }
    Interval index = new Interval(lo.lo(), false, hi.hi(), hi.hi() == null);
    Map<ISymbol, Interval> inner = new java.util.HashMap<>(fixed);
    inner.put(it.index(), index);
    Interval term = new Bounds(domains, inner).of(ast.arg1());
    if (term == null) {
      return null;
    }
    // number of terms: at least hi.lo - lo.hi + 1, at most hi.hi - lo.lo + 1
    BigDecimal minCount = hi.lo() == null ? BigDecimal.ZERO : hi.lo().subtract(lo.hi()).add(BigDecimal.ONE).max(BigDecimal.ZERO);
    BigDecimal maxCount = hi.hi() == null ? null : hi.hi().subtract(lo.lo()).add(BigDecimal.ONE).max(BigDecimal.ZERO);
    Interval count = new Interval(minCount, false, maxCount, maxCount == null);
    if (minCount.signum() == 0 && term.excludesZero()) {
      // an empty sum is 0: widen to include it
      return count.times(term).hull(Interval.point(BigDecimal.ZERO));
    }
    return count.times(term);
  }
}
