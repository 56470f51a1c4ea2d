package stepwise.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.S;
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
    return false;
  }

}
