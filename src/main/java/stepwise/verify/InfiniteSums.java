package stepwise.verify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Sums up to Infinity replaced by Symja's closed form, but only once the series is shown to
 * converge absolutely: k^2 times the term has a finite limit (so the terms fall like 1/k^2 or
 * faster), or the ratio of consecutive terms tends to a limit of absolute value below 1
 * (numerically, or proved for real parameters). Symja's Sum alone would give a value to some
 * divergent series (regularised sums); a series not shown to converge stays as it is.
 */
final class InfiniteSums {
  private final Domains domains;
  private final Set<String> used = new LinkedHashSet<>();

  InfiniteSums(Domains domains) {
    this.domains = domains;
  }

  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> infinite(x) != null);
  }

  /** The iteration of a Sum(f, {k, lo, Infinity}), else null. */
  static Obligation.Iteration infinite(IExpr e) {
    if (!Trees.isHead(e, S.Sum)) {
      return null;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    return it != null && it.hi().equals(S.Infinity) ? it : null;
  }

  String used() {
    return used.isEmpty() ? "" : "series summed (Symja, or known series piece by piece) where convergence was shown (" + String.join("; ", used) + ")";
  }

  IExpr evaluate(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(evaluate(arg));
    }
    Obligation.Iteration it = infinite(rebuilt);
    if (it == null || !it.lo().isInteger()) {
      return rebuilt;
    }
    IExpr term = rebuilt.arg1();
    String why = convergence(term, it.index());
    IExpr value = why == null ? null : SymbolicProver.symja(rebuilt);
    if (!closed(value)) {
      // the known series below each converge by themselves, so a closed form is also a proof of convergence
      value = closedForm(term, it.index(), it.lo());
      if (value != null) {
        value = SymbolicProver.symja(value);
        why = why != null ? why : "each piece a convergent known series";
      }
    }
    if (!closed(value)) {
      return rebuilt;
    }
    used.add(ExprPrinter.print(rebuilt) + " = " + ExprPrinter.print(value) + ", " + why);
    return value;
  }

  /** Each series still unsummed replaced by an opaque symbol, so that no later Symja call sums it unchecked. */
  IExpr hideRest(IExpr e) {
    Map<IExpr, IExpr> opaque = new LinkedHashMap<>();
    Trees.walk(e, (path, sub) -> {
      if (infinite(sub) != null && !opaque.containsKey(sub)) {
        opaque.put(sub, stepwise.expr.UserSymbols.named("unsummedSeries" + (opaque.size() + 1)));
      }
    });
    return opaque.isEmpty() ? e : Trees.substitute(e, opaque);
  }

  private static boolean closed(IExpr value) {
    return value != null && !Trees.contains(value, x -> x.equals(S.Sum) || x.equals(S.Infinity)
        || x.equals(S.ComplexInfinity) || x.equals(S.Indeterminate) || x.equals(S.DirectedInfinity)
        || x.equals(S.Limit) || x.equals(S.Interval));
  }

  /**
   * The sum from lo to Infinity of a term Symja cannot sum, from known series, piece by piece
   * after partial fractions: c/(a k + b)^m (m >= 2) is a PolyGamma (Hurwitz zeta); pieces
   * c/(a k + b) only together, when their coefficients cancel (telescoping: minus the sum of
   * c/a PolyGamma(0, lo + b/a)); c k^j r^k is PolyLog(-j, r) for j < 0 and (r d/dr)^j of
   * r^lo/(1 - r) for j >= 0, each only where that piece converges by itself (|r| < 1, or
   * |r| = 1 and j <= -2). Null if some piece is of none of these forms.
   */
  private IExpr closedForm(IExpr term, ISymbol k, IExpr lo) {
    IExpr split = SymbolicProver.symja(Trees.node(S.Apart, term, k));
    IExpr expanded = SymbolicProver.symja(Trees.node(S.Expand, split == null ? term : split));
    if (expanded == null || !lo.isInteger()) {
      return null;
    }
    List<IExpr> out = new java.util.ArrayList<>();
    IExpr telescoping = F.C0;
    List<IExpr> harmonic = new java.util.ArrayList<>();
    for (IExpr piece : Trees.isHead(expanded, S.Plus) ? Trees.args(expanded) : List.of(expanded)) {
      IExpr coefficient = F.C1;
      int power = 0; // of k
      IExpr ratio = F.C1; // r in r^k
      IExpr linear = null; // a k + b in (a k + b)^-m
      int m = 0;
      for (IExpr f : Trees.isHead(piece, S.Times) ? Trees.args(piece) : List.of(piece)) {
        if (!Trees.mentions(f, Set.of(k))) {
          coefficient = Trees.times(coefficient, f);
        } else if (f.equals(k)) {
          power += 1;
        } else if (f.isPower() && f.base().equals(k) && f.exponent().isInteger()) {
          power += f.exponent().toIntDefault();
        } else if (f.isPower() && f.exponent().isInteger() && f.exponent().isNegative() && linear == null
            && linearIn(f.base(), k)) {
          linear = f.base();
          m = -f.exponent().toIntDefault();
        } else if (f.isPower() && !Trees.mentions(f.base(), Set.of(k))) {
          IExpr slope = SymbolicProver.symja(Trees.node(S.D, f.exponent(), k));
          IExpr rest = slope == null ? null : SymbolicProver.symja(Trees.node(S.Expand, Trees.plus(f.exponent(), Trees.negate(Trees.times(slope, k)))));
          if (slope == null || !slope.isInteger() || rest == null || Trees.mentions(rest, Set.of(k))) {
            return null;
          }
          coefficient = Trees.times(coefficient, Trees.power(f.base(), rest));
          ratio = Trees.times(ratio, Trees.power(f.base(), slope));
        } else {
          return null;
        }
      }
      if (linear == null && power < 0 && ratio.isOne()) {
        linear = k; // c/k^m
        m = -power;
        power = 0;
      }
      if (linear != null) {
        if (power != 0 || !ratio.isOne()) {
          return null;
        }
        IExpr a = SymbolicProver.symja(Trees.node(S.D, linear, k));
        IExpr shift = SymbolicProver.symja(Trees.plus(lo, Trees.times(Trees.plus(linear, Trees.negate(Trees.times(a, k))), Trees.power(a, F.CN1))));
        IExpr c = Trees.times(coefficient, Trees.power(a, F.ZZ(-m)));
        if (m == 1) {
          telescoping = Trees.plus(telescoping, c);
          harmonic.add(Trees.times(Trees.negate(c), F.PolyGamma(F.C0, shift)));
        } else {
          // sum over j >= 0 of 1/(j + q)^m is the Hurwitz zeta function Zeta(m, q)
          out.add(Trees.times(c, F.Zeta(F.ZZ(m), shift)));
        }
        continue;
      }
      if (!convergesAlone(ratio, power)) {
        return null;
      }
      int start = ((org.matheclipse.core.interfaces.IInteger) lo).toIntDefault();
      if (power < 0) {
        if (start < 1) {
          return null;
        }
        List<IExpr> value = new java.util.ArrayList<>();
        value.add(F.PolyLog(F.ZZ(-power), ratio));
        for (int j = 1; j < start; j++) {
          value.add(Trees.negate(Trees.times(Trees.power(F.ZZ(j), F.ZZ(power)), Trees.power(ratio, F.ZZ(j)))));
        }
        out.add(Trees.times(coefficient, Trees.plus(value)));
      } else {
        ISymbol z = stepwise.expr.UserSymbols.named("seriesRatio");
        IExpr g = Trees.times(Trees.power(z, lo), Trees.power(Trees.plus(F.C1, Trees.negate(z)), F.CN1));
        for (int j = 0; j < power; j++) {
          g = SymbolicProver.symja(Trees.times(z, Trees.node(S.D, g, z)));
          if (g == null) {
            return null;
          }
        }
        out.add(Trees.times(coefficient, Trees.substitute(g, java.util.Map.of(z, ratio))));
      }
    }
    if (!harmonic.isEmpty()) {
      IExpr total = SymbolicProver.symja(Trees.node(S.Expand, telescoping));
      if (total == null || !total.isZero()) {
        return null; // pieces like 1/k that do not cancel: divergent
      }
      out.addAll(harmonic);
    }
    return out.isEmpty() ? null : Trees.plus(out);
  }

  /** Whether e is a k + b with a nonzero number a and b free of k. */
  private static boolean linearIn(IExpr e, ISymbol k) {
    IExpr slope = SymbolicProver.symja(Trees.node(S.D, e, k));
    if (slope == null || !slope.isNumber() || slope.isZero()) {
      return false;
    }
    IExpr rest = SymbolicProver.symja(Trees.node(S.Expand, Trees.plus(e, Trees.negate(Trees.times(slope, k)))));
    return rest != null && !Trees.mentions(rest, Set.of(k));
  }

  /** Whether the sum of k^power r^k converges by itself: |r| < 1, or |r| = 1 and power <= -2. */
  private boolean convergesAlone(IExpr ratio, int power) {
    if (ratio.isNumericFunction(true)) {
      IExpr size = Cas.numeric(F.Abs(ratio), 30);
      if (!size.isReal()) {
        return false;
      }
      double r = size.evalf();
      return r < 1 - 1e-12 || Math.abs(r - 1) < 1e-12 && power <= -2 && SymbolicProver.symja(F.Abs(ratio)).isOne();
    }
    for (ISymbol s : Trees.symbols(ratio)) {
      if (stepwise.expr.UserSymbols.isUser(s) && !(domains.of(s) instanceof Domain.Real || domains.of(s) instanceof Domain.Finite)) {
        return false;
      }
    }
    SignProver signs = new SignProver(domains);
    return signs.proves(F.Less(ratio, F.C1), List.of()) && signs.proves(F.Greater(ratio, F.CN1), List.of());
  }

  /** Why the series of term over index converges absolutely, or null if that cannot be shown. */
  private String convergence(IExpr term, ISymbol index) {
    IExpr powerLaw = SymbolicProver.symja(F.Limit(Trees.times(Trees.power(index, F.C2), term), F.Rule(index, S.Infinity)));
    if (powerLaw != null && finiteNumber(powerLaw)) {
      return "k^2 times its term tends to " + ExprPrinter.print(powerLaw);
    }
    IExpr next = Trees.substitute(term, java.util.Map.of(index, Trees.plus(index, F.C1)));
    // n! and Gamma shifts cancel first (k!/(k + 1)! = 1/(k + 1)), which Symja's Limit cannot do
    IExpr quotient = SymbolicProver.symja(Trees.node(S.Together,
        new SpecialForms(domains, List.of()).rewrite(Trees.times(next, Trees.power(term, F.CN1)))));
    IExpr ratio = quotient == null ? null : SymbolicProver.symja(F.Limit(quotient, F.Rule(index, S.Infinity)));
    if (ratio == null || Trees.contains(ratio, x -> x.equals(S.Infinity) || x.equals(S.DirectedInfinity)
        || x.equals(S.ComplexInfinity) || x.equals(S.Indeterminate) || x.equals(S.Limit) || x.equals(S.Interval))) {
      return null;
    }
    if (ratio.isNumericFunction(true)) {
      IExpr size = Cas.numeric(F.Abs(ratio), 30);
      return size.isReal() && size.evalf() < 1 - 1e-12 ? "the ratio of its terms tends to " + ExprPrinter.print(ratio) : null;
    }
    // parameters: only real ones, and |ratio| < 1 proved by interval arithmetic
    for (ISymbol s : Trees.symbols(ratio)) {
      if (stepwise.expr.UserSymbols.isUser(s) && !(domains.of(s) instanceof Domain.Real || domains.of(s) instanceof Domain.Finite)) {
        return null;
      }
    }
    SignProver signs = new SignProver(domains);
    if (signs.proves(F.Less(ratio, F.C1), List.of()) && signs.proves(F.Greater(ratio, F.CN1), List.of())) {
      return "the ratio of its terms tends to " + ExprPrinter.print(ratio) + ", proved inside (-1, 1)";
    }
    return null;
  }

  private static boolean finiteNumber(IExpr e) {
    if (!e.isNumericFunction(true)) {
      return false;
    }
    try {
      IExpr v = Cas.numeric(F.Abs(e), 30);
      return v.isReal() && Double.isFinite(v.evalf());
    } catch (RuntimeException ex) {
      return false;
    }
  }

}
