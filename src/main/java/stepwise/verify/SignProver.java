package stepwise.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import stepwise.cas.Cas;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Proves conditions such as x > 0, a != 0, Element(b, Reals) for every point of the domains,
 * by interval arithmetic, splitting into cases over variables with a finite domain (y in {0,1}
 * is tried as y = 0 and as y = 1). It only ever answers "proved" or "not shown".
 */
final class SignProver {
  private static final int MAX_CASES = 256;
  private final Domains domains;

  SignProver(Domains domains) {
    this.domains = domains;
  }

  boolean proves(IExpr condition, List<Obligation.Iteration> within) {
    if (domains.conditions().contains(condition)) {
      return true; // a declared constraint (c <= n) holds by assumption
    }
    if (trigonometricSign(condition) || hyperbolicSign(condition, within)) {
      return true;
    }
    List<ISymbol> finite = new ArrayList<>();
    for (ISymbol s : Trees.symbols(condition)) {
      if (domains.of(s) instanceof Domain.Finite) {
        finite.add(s);
      }
    }
    long cases = 1;
    for (ISymbol s : finite) {
      cases *= ((Domain.Finite) domains.of(s)).values().size();
    }
    if (cases > MAX_CASES) {
      finite.clear();
    }
    return allCases(condition, within, finite, 0, new LinkedHashMap<>());
  }

  private boolean allCases(IExpr condition, List<Obligation.Iteration> within, List<ISymbol> finite, int next,
      Map<ISymbol, Interval> fixed) {
    if (next == finite.size()) {
      Map<ISymbol, Interval> all = new HashMap<>(fixed);
      Bounds outer = new Bounds(domains, all);
      for (Obligation.Iteration it : within) {
        Interval lo = outer.of(it.lo());
        Interval hi = outer.of(it.hi());
        if (lo == null || hi == null || lo.lo() == null) {
          return false;
        }
        all.put(it.index(), new Interval(lo.lo(), false, hi.hi(), hi.hi() == null));
      }
      return holds(condition, new Bounds(domains, all));
    }
    ISymbol s = finite.get(next);
    for (IExpr value : ((Domain.Finite) domains.of(s)).values()) {
      Interval point = new Bounds(Domains.NONE, Map.of()).of(value);
      if (point == null) {
        return false;
      }
      fixed.put(s, point);
      boolean ok = allCases(condition, within, finite, next + 1, fixed);
      fixed.remove(s);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean holds(IExpr c, Bounds bounds) {
    return Boolean.TRUE.equals(Logic.evaluate(c, atom -> atom(atom, bounds)));
  }

  /** An atomic condition: true if proved, false if not shown. */
  private boolean atom(IAST ast, Bounds bounds) {
    IExpr head = ast.head();
    if (head.equals(stepwise.rules.Predicates.DISTRIBUTION)) {
      return isDistribution(ast);
    }
    if (head.equals(S.Element) && ast.argSize() == 2) {
      if (ast.arg2().equals(S.Reals)) {
        return bounds.of(ast.arg1()) != null;
      }
      if (ast.arg2().equals(S.Integers)) {
        Interval x = bounds.of(ast.arg1());
        return x != null && x.isPoint() && x.lo().stripTrailingZeros().scale() <= 0 || isInteger(ast.arg1(), bounds);
      }
      return false;
    }
    if (ast.argSize() != 2) {
      return false;
    }
    IExpr a = ast.arg1();
    IExpr b = ast.arg2();
    Interval diff = bounds.of(Trees.plus(a, Trees.negate(b)));
    Interval left = bounds.of(a);
    Interval right = bounds.of(b);
    if (head.equals(S.Greater)) {
      return positive(diff) || strictlyAbove(left, right);
    }
    if (head.equals(S.Less)) {
      return negative(diff) || strictlyAbove(right, left);
    }
    if (head.equals(S.GreaterEqual)) {
      return (diff != null && diff.nonNegative()) || weaklyAbove(left, right);
    }
    if (head.equals(S.LessEqual)) {
      return (diff != null && diff.nonPositive()) || weaklyAbove(right, left);
    }
    if (head.equals(S.Unequal)) {
      return diff != null && diff.excludesZero();
    }
    if (head.equals(S.Equal)) {
      return diff != null && diff.isPoint() && diff.lo().signum() == 0;
    }
    return false;
  }

  /** Distribution(q) or Distribution(q, lo, hi): q is declared a distribution (over lo..hi). */
  private boolean isDistribution(IAST ast) {
    if (!(ast.arg1() instanceof ISymbol q) || domains.family(q) == null || !domains.family(q).sumsToOne()) {
      return false;
    }
    Domain.Family f = domains.family(q);
    return ast.argSize() == 1 || (ast.argSize() == 3 && f.lo().equals(ast.arg2()) && f.hi().equals(ast.arg3()));
  }

  private static boolean positive(Interval i) {
    return i != null && i.positive();
  }

  private static boolean negative(Interval i) {
    return i != null && i.negative();
  }

  private static boolean strictlyAbove(Interval a, Interval b) {
    if (a == null || b == null || a.lo() == null || b.hi() == null) {
      return false;
    }
    int c = a.lo().compareTo(b.hi());
    return c > 0 || (c == 0 && (a.loOpen() || b.hiOpen()));
  }

  private static boolean weaklyAbove(Interval a, Interval b) {
    return a != null && b != null && a.lo() != null && b.hi() != null && a.lo().compareTo(b.hi()) >= 0;
  }

  private boolean isInteger(IExpr e, Bounds bounds) {
    if (e.isInteger()) {
      return true;
    }
    if (e instanceof ISymbol s) {
      Interval i = bounds.of(s);
      Domain d = domains.of(s);
      return (d instanceof Domain.Real r && r.integer())
          || (i != null && i.isPoint() && i.lo().stripTrailingZeros().scale() <= 0)
          || (d instanceof Domain.Finite f && f.values().stream().allMatch(IExpr::isInteger));
    }
    if (Trees.isHead(e, S.Plus) || Trees.isHead(e, S.Times)) {
      return Trees.args(e).stream().allMatch(a -> isInteger(a, bounds));
    }
    if (e instanceof IAST call && call.head() instanceof ISymbol name && domains.family(name) != null
        && call.argSize() == domains.family(name).arity()) { // a member y(i) of a family declared integer
      Domain element = domains.family(name).element();
      return element instanceof Domain.Real r && r.integer()
          || element instanceof Domain.Finite f && f.values().stream().allMatch(IExpr::isInteger);
    }
    return false;
  }

  /**
   * Cos(u) >= 0 (or <= 0) and Sin(u) likewise for u = a x + b with x a real variable whose
   * declared bounds are exact (-Pi/2 <= x <= Pi/2): the exact range of u must lie in one
   * half-period where the sign holds. Interval arithmetic alone cannot show Cos(x) >= 0 there,
   * since Cos is exactly 0 at the ends.
   */
  private boolean trigonometricSign(IExpr condition) {
    if (!(condition instanceof IAST rel) || rel.argSize() != 2 || !rel.arg2().isZero()
        || !(rel.head().equals(S.GreaterEqual) || rel.head().equals(S.LessEqual))
        || !(rel.arg1() instanceof IAST f) || f.argSize() != 1 || !(f.head().equals(S.Cos) || f.head().equals(S.Sin))) {
      return false;
    }
    // Sin(u) = Cos(u - Pi/2); Cos(u) <= 0 is Cos(u - Pi) >= 0
    IExpr u = f.head().equals(S.Sin) ? Trees.plus(f.arg1(), Trees.times(F.CN1D2, S.Pi)) : f.arg1();
    if (rel.head().equals(S.LessEqual)) {
      u = Trees.plus(u, Trees.negate(S.Pi));
    }
    IExpr[] range = exactRange(u);
    if (range == null) {
      return false;
    }
    double middle = (Cas.numeric(range[0], 20).evalf() + Cas.numeric(range[1], 20).evalf()) / 2;
    long turns = Math.round(middle / (2 * Math.PI));
    IExpr centre = Trees.times(F.ZZ(2 * turns), S.Pi);
    IExpr half = Trees.times(F.C1D2, S.Pi);
    return atLeast(range[0], Trees.plus(centre, Trees.negate(half))) && atLeast(Trees.plus(centre, half), range[1]);
  }

  /** The exact least and greatest values of u, for u linear in one real variable with exact bounds; else null. */
  private IExpr[] exactRange(IExpr u) {
    ISymbol x = null;
    for (ISymbol s : Trees.symbols(u)) {
      if (s.equals(S.Pi) || s.isBuiltInSymbol()) {
        continue;
      }
      if (x != null) {
        return null;
      }
      x = s;
    }
    if (x == null || !(domains.of(x) instanceof Domain.Real r) || r.lower().value() == null || r.upper().value() == null) {
      return null;
    }
    IExpr slope = Cas.evaluate(F.D(u, x));
    if (Trees.mentions(slope, java.util.Set.of(x)) || !slope.isNumericFunction(true)) {
      return null;
    }
    double sign = Cas.numeric(slope, 20).evalf();
    if (!(sign > 0 || sign < 0)) {
      return null;
    }
    IExpr atLower = Cas.evaluate(Trees.substitute(u, Map.of(x, r.lower().exactValue())));
    IExpr atUpper = Cas.evaluate(Trees.substitute(u, Map.of(x, r.upper().exactValue())));
    return sign > 0 ? new IExpr[] {atLower, atUpper} : new IExpr[] {atUpper, atLower};
  }

  /** a >= b for exact constants: equal after Expand, or a - b shown positive by interval arithmetic. */
  private static boolean atLeast(IExpr a, IExpr b) {
    IExpr gap = Cas.evaluate(F.Expand(Trees.plus(a, Trees.negate(b))));
    if (gap.isZero()) {
      return true;
    }
    Interval i = new Bounds(Domains.NONE, Map.of()).of(gap);
    return i != null && i.nonNegative();
  }

  /**
   * Sinh(u), Cosh(u), Tanh(u) are real for real u; Cosh(u) > 0 for real u; Sinh(u) and Tanh(u) have the sign of u (both odd and increasing on
   * the reals), so Sinh(u) >= 0 follows from u >= 0 and so on.
   */
  private boolean hyperbolicSign(IExpr condition, List<Obligation.Iteration> within) {
    if (condition instanceof IAST element && element.head().equals(S.Element) && element.argSize() == 2
        && element.arg2().equals(S.Reals) && element.arg1() instanceof IAST g && g.argSize() == 1
        && (g.head().equals(S.Sinh) || g.head().equals(S.Cosh) || g.head().equals(S.Tanh))) {
      return proves(F.Element(g.arg1(), S.Reals), within); // real on the real line
    }
    if (!(condition instanceof IAST rel) || rel.argSize() != 2 || !rel.arg2().isZero()
        || !(rel.arg1() instanceof IAST f) || f.argSize() != 1) {
      return false;
    }
    IExpr h = rel.head();
    boolean order = h.equals(S.Greater) || h.equals(S.GreaterEqual) || h.equals(S.Less) || h.equals(S.LessEqual);
    if (!order) {
      return false;
    }
    if (f.head().equals(S.Cosh)) {
      return (h.equals(S.Greater) || h.equals(S.GreaterEqual)) && proves(F.Element(f.arg1(), S.Reals), within);
    }
    if (f.head().equals(S.Sinh) || f.head().equals(S.Tanh)) {
      return proves(F.binaryAST2(h, f.arg1(), F.C0), within);
    }
    return false;
  }
}
