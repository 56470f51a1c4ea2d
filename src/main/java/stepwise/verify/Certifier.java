package stepwise.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;

/**
 * The last word before a point is called a counterexample, whatever found it: the point must
 * satisfy every assumption exactly (domains, equalities, conditions), and every expression of
 * the claim must be defined there, each side evaluated on its own (a removable 0/0 is undefined,
 * even where a CAS would cancel it). The probe that found the point has already shown the
 * violation in high precision; this check is independent of how the point was found.
 */
final class Certifier {
  private final Domains domains;

  Certifier(Domains domains) {
    this.domains = domains;
  }

  /**
   * Why a point is not a counterexample. OUTSIDE: it breaks an assumption (a sampling slip, not
   * evidence); UNDEFINED: a side has no value there, so the statement says nothing there;
   * UNDECIDED: whether it holds there could not be told, so the point must not be passed either.
   */
  record Objection(Kind kind, String reason) {
    enum Kind { OUTSIDE, UNDEFINED, UNDECIDED }
  }

  /** Why p cannot be a counterexample for the expressions, or null if it can. */
  Objection objection(Point p, Collection<IExpr> expressions) {
    Objection outside = outsideAssumptions(p);
    if (outside != null) {
      return outside;
    }
    for (IExpr e : expressions) {
      for (IExpr side : sides(e)) {
        if (!defined(side, p)) {
          return new Objection(Objection.Kind.UNDEFINED, ExprPrinter.print(side) + " is not defined there");
        }
      }
    }
    return null;
  }

  /** The assumption p breaks (or that cannot be confirmed there), or null when it satisfies all of them exactly. */
  Objection outsideAssumptions(Point p) {
    for (Map.Entry<ISymbol, Point.Value> e : p.scalars().entrySet()) {
      Domain d = domains.of(e.getKey());
      if (d != null && !inDomain(e.getValue(), d, p)) {
        return new Objection(Objection.Kind.OUTSIDE,
            e.getKey().getSymbolName() + " = " + e.getValue().show() + " is outside " + d.describe());
      }
    }
    for (Map.Entry<ISymbol, TreeMap<Integer, Point.Value>> e : p.families().entrySet()) {
      Domain.Family family = domains.family(e.getKey());
      if (family == null) {
        continue;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (Point.Value v : e.getValue().values()) {
        if (!inDomain(v, family.element(), p)) {
          return new Objection(Objection.Kind.OUTSIDE, "a member of " + e.getKey().getSymbolName() + " (" + v.show()
              + ") is outside " + family.element().describe());
        }
        total = total.add(v.re());
      }
      if (family.sumsToOne() && (total.compareTo(BigDecimal.ONE) != 0
          || e.getValue().values().stream().anyMatch(v -> v.symbolic() != null))) {
        if (!Boolean.TRUE.equals(Truth.holdsPrecisely(F.Equal(Trees.plus(
            e.getValue().values().stream().map(Point.Value::exact).toList()), F.C1), p))) {
          return new Objection(Objection.Kind.OUTSIDE, "the members of " + e.getKey().getSymbolName() + " do not sum to 1");
        }
      }
    }
    Set<ISymbol> given = new java.util.HashSet<>(p.scalars().keySet());
    given.addAll(p.families().keySet());
    List<IExpr> constraints = new ArrayList<>(domains.equalities());
    domains.conditions().forEach(condition -> constraints.addAll(p.instances(condition, domains)));
    for (IExpr c : constraints) {
      Set<ISymbol> used = freeSymbols(c);
      if (!given.containsAll(used)) {
        if (used.stream().anyMatch(p.families()::containsKey)) {
          return new Objection(Objection.Kind.UNDECIDED, "the assumption " + ExprPrinter.print(c)
              + " about every member cannot be confirmed there");
        }
        continue; // about variables the claim does not use
      }
      Boolean holds;
      try {
        holds = Truth.holdsPrecisely(c, p);
      } catch (Numeric.NotNumeric | ArithmeticException ex) {
        holds = null;
      }
      if (!Boolean.TRUE.equals(holds)) {
        return holds == null
            ? new Objection(Objection.Kind.UNDECIDED, "the assumption " + ExprPrinter.print(c) + " cannot be confirmed there")
            : new Objection(Objection.Kind.OUTSIDE, "the assumption " + ExprPrinter.print(c) + " fails there");
      }
    }
    return null;
  }

  private static boolean inDomain(Point.Value v, Domain d, Point p) {
    if (d instanceof Domain.Complex) {
      return true;
    }
    if (d instanceof Domain.Finite f) {
      IExpr x = v.exact();
      return f.values().stream().anyMatch(allowed -> Boolean.TRUE.equals(
          Truth.holdsPrecisely(F.Equal(x, allowed), new Point(Map.of(), Map.of()))));
    }
    if (d instanceof Domain.Real r) {
      if (v.im().signum() != 0) {
        return false;
      }
      if (r.integer() && (v.symbolic() != null && !v.symbolic().isInteger() || v.re().stripTrailingZeros().scale() > 0)) {
        return false;
      }
      return admits(v, r.lower(), true) && admits(v, r.upper(), false);
    }
    return true;
  }

  /** Whether the value lies on the right side of a bound, decided exactly. */
  private static boolean admits(Point.Value v, Domain.Bound b, boolean lower) {
    if (b.value() == null) {
      return true;
    }
    if (v.symbolic() == null && b.exact() == null) {
      int c = v.re().compareTo(b.value());
      return lower ? (b.open() ? c > 0 : c >= 0) : (b.open() ? c < 0 : c <= 0);
    }
    IExpr head = lower ? (b.open() ? S.Greater : S.GreaterEqual) : (b.open() ? S.Less : S.LessEqual);
    return Boolean.TRUE.equals(Truth.holdsPrecisely(F.binaryAST2(head, v.exact(), b.exactValue()),
        new Point(Map.of(), Map.of())));
  }

  /**
   * Whether e has a finite value at p, computed from its parts as written: no denominator or
   * log argument vanishes there, and its value read at two precisions exists and agrees.
   */
  static boolean defined(IExpr e, Point p) {
    // doubles cannot tell 0/0 from an overflow (10^400 * x): the parts and the readings below decide
    if (!finiteParts(e, p)) {
      return false;
    }
    Precise.Reading low = Precise.reading(e, p, Precise.DIGITS);
    Precise.Reading high = Precise.reading(e, p, Precise.DIGITS + 20);
    if (low == null || high == null || low.beyond() || high.beyond()) {
      return false;
    }
    if (low.noise() && high.noise()) {
      return true; // zero at both precisions
    }
    // near a pole the value grows with the digits (1/(x^2 - 2) at Sqrt(2)): a value must hold still
    IExpr drift = highPrecision(Trees.times(Trees.node(S.Abs, Trees.plus(high.value(), Trees.negate(low.value()))),
        Trees.power(Trees.plus(Trees.node(S.Abs, high.value()), F.C1), F.CN1)));
    return drift != null && drift.isReal() && Precise.compare(drift, 1e-6) <= 0;
  }

  private static IExpr highPrecision(IExpr e) {
    try {
      return stepwise.cas.Cas.numeric(e, Precise.DIGITS + 20);
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /**
   * Every denominator and logarithm argument inside e is non-zero at p, read in high precision
   * part by part: Symja may cancel 0*x/0 to 0 once the values are in, so its value of the whole
   * is no proof that e is defined.
   */
  private static boolean finiteParts(IExpr e, Point p) {
    boolean[] ok = {true};
    Trees.walk(e, (path, sub) -> {
      if (!ok[0]) {
        return;
      }
      IExpr mustNotVanish = null;
      if (Trees.isHead(sub, S.Power) && sub.argSize() == 2 && sub.getAt(2).isNumber() && sub.getAt(2).isNegative()) {
        mustNotVanish = sub.getAt(1);
      } else if (Trees.isHead(sub, S.Log) && sub.argSize() == 1) {
        mustNotVanish = sub.getAt(1);
      }
      if (mustNotVanish == null) {
        return;
      }
      Set<ISymbol> free = freeSymbols(mustNotVanish);
      Set<ISymbol> known = new java.util.HashSet<>(p.scalars().keySet());
      known.addAll(p.families().keySet());
      if (free.isEmpty() || !known.containsAll(free)) {
        return; // a constant says by its own value; a part with a summation index is read with its sum
      }
      Precise.Zero z = Precise.zeroTest(mustNotVanish, p).verdict();
      if (z != Precise.Zero.NONZERO) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  /** The sides of a statement (a <= b gives a and b), or the expression itself. */
  private static List<IExpr> sides(IExpr e) {
    List<IExpr> out = new ArrayList<>();
    collectSides(e, out);
    return out;
  }

  private static void collectSides(IExpr e, List<IExpr> out) {
    if (Trees.isHead(e, S.And) || Trees.isHead(e, S.Or) || Trees.isHead(e, S.Not)) {
      for (IExpr arg : Trees.args(e)) {
        collectSides(arg, out);
      }
      return;
    }
    if (Trees.isHead(e, S.Less) || Trees.isHead(e, S.LessEqual) || Trees.isHead(e, S.Greater)
        || Trees.isHead(e, S.GreaterEqual) || Trees.isHead(e, S.Equal) || Trees.isHead(e, S.Unequal)) {
      out.addAll(Trees.args(e));
      return;
    }
    if (Trees.isHead(e, S.Element) || Trees.isHead(e, stepwise.rules.Predicates.DISTRIBUTION)) {
      return;
    }
    out.add(e);
  }

  private static Set<ISymbol> freeSymbols(IExpr e) {
    Set<ISymbol> out = new java.util.LinkedHashSet<>();
    Sampler.collectFree(e, new java.util.HashSet<>(), out);
    return out;
  }
}
