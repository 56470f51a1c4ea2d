package stepwise.verify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Rewrites Gamma-family functions, signs (-1)^n and radicals into forms that Expand and
 * Together can compare, as SymPy's gammasimp/combsimp do. Every rewrite is an identity on
 * exactly the points where the original is defined, or is made only once its side condition
 * is proved under the domains:
 * <ul>
 * <li>Factorial(a) = Gamma(a + 1) and Erfc(a) = 1 - Erf(a): the same function everywhere;</li>
 * <li>Gamma(b + j) = Gamma(b + m) / ((b + j) ... (b + m - 1)) for the largest shift m of b
 *     present: both sides have poles at the same points, so nothing is lost;</li>
 * <li>PolyGamma(k, b + j) shifted up the same way, by its recurrence;</li>
 * <li>Gamma(p) Gamma(1 - p) = Pi / Sin(Pi p) and Gamma(p) Gamma(p + 1/2) = 2^(1 - 2p) Sqrt(Pi)
 *     Gamma(2p): both sides undefined at the same points;</li>
 * <li>Binomial(a, m), Pochhammer(a, m) for a literal m in 0..40: the polynomial they equal for
 *     every a; with a symbolic m, the Gamma ratio only where its arguments are proved positive;
 *     Beta(a, b) likewise, and LogGamma(a) = Log(Gamma(a)) only for a proved positive;</li>
 * <li>(-1)^P for P a polynomial with integer coefficients in integer variables: the parity of
 *     P decides it (n^2 and n have one parity), and E^(I Pi P) = (-1)^P;</li>
 * <li>Sqrt(a + b Sqrt(c)) with rational a, b, c denested when a^2 - b^2 c is a rational square.</li>
 * </ul>
 */
final class SpecialForms {
  private static final int MAX_SHIFT = 40;
  private static final int MAX_ROUNDS = 6;
  private final Domains domains;
  private final List<Obligation.Iteration> within;
  private final SignProver signs;
  private final Set<String> laws = new LinkedHashSet<>();

  SpecialForms(Domains domains, List<Obligation.Iteration> within) {
    this.domains = domains;
    this.within = within;
    this.signs = new SignProver(domains);
  }

  /** Which laws the last rewrite used, for the proof's description. */
  String laws() {
    return String.join(", ", laws);
  }

  /** Whether e holds anything these rewrites work on. */
  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> x.equals(S.Gamma) || x.equals(S.Factorial) || x.equals(S.Binomial)
        || x.equals(S.Pochhammer) || x.equals(S.Beta) || x.equals(S.LogGamma) || x.equals(S.Erfc)
        || x.equals(S.PolyGamma) || x.equals(S.Cos) || x.equals(S.Sin)
        || x instanceof IAST a && a.isPower() && (a.arg1().isMinusOne() || a.arg1().equals(S.E) || isRadical(a)));
  }

  private static boolean isRadical(IAST power) {
    return power.arg2() instanceof IFraction f && f.toBigDenominator().equals(BigInteger.TWO);
  }

  IExpr rewrite(IExpr e) {
    IExpr current = e;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      IExpr next = pairs(shiftGammas(local(BottomUp.rewrite(current, within, this::binomialSum, false), within)));
      next = Trees.tidy(next);
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  /** The rewrites that look at one node (bottom-up), with the sum indices in scope for side conditions. */
  private IExpr local(IExpr e, List<Obligation.Iteration> scope) {
    return BottomUp.rewrite(e, scope, this::node, false);
  }

  private IExpr node(IAST ast, List<Obligation.Iteration> scope) {
    IExpr h = ast.head();
    if (h.equals(S.Factorial) && ast.argSize() == 1) {
      laws.add("n! = Gamma(n + 1)");
      return F.Gamma(Trees.plus(ast.arg1(), F.C1));
    }
    if (h.equals(S.Erfc) && ast.argSize() == 1) {
      laws.add("Erfc = 1 - Erf");
      return Trees.plus(F.C1, Trees.negate(F.Erf(ast.arg1())));
    }
    if (h.equals(S.PolyGamma) && ast.argSize() == 1) {
      return F.PolyGamma(F.C0, ast.arg1());
    }
    if ((h.equals(S.Binomial) || h.equals(S.Pochhammer)) && ast.argSize() == 2) {
      boolean binomial = h.equals(S.Binomial);
      IExpr a = ast.arg1();
      IExpr m = ast.arg2();
      if (m instanceof IInteger k && k.isNonNegativeResult() && k.toIntDefault(MAX_SHIFT + 1) <= MAX_SHIFT) {
        int n = k.toIntDefault();
        List<IExpr> factors = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          factors.add(Trees.plus(a, F.ZZ(binomial ? -j : j)));
        }
        laws.add(binomial ? "Binomial(a, m) as a polynomial" : "Pochhammer(a, m) as a product");
        IExpr product = factors.isEmpty() ? F.C1 : Trees.times(factors);
        return binomial ? Trees.times(product, F.fraction(BigInteger.ONE, factorial(n))) : product;
      }
      List<IExpr> positive = binomial
          ? List.of(Trees.plus(a, F.C1), Trees.plus(m, F.C1), Trees.plus(a, Trees.negate(m), F.C1))
          : List.of(a, Trees.plus(a, m));
      if (provedPositive(positive, scope)) {
        laws.add((binomial ? "Binomial" : "Pochhammer") + " as a ratio of Gammas (its arguments proved positive)");
        return binomial
            ? Trees.times(F.Gamma(positive.get(0)), Trees.power(F.Gamma(positive.get(1)), F.CN1),
                Trees.power(F.Gamma(positive.get(2)), F.CN1))
            : Trees.times(F.Gamma(positive.get(1)), Trees.power(F.Gamma(a), F.CN1));
      }
      return null;
    }
    if (h.equals(S.Beta) && ast.argSize() == 2 && provedPositive(List.of(ast.arg1(), ast.arg2()), scope)) {
      laws.add("Beta(a, b) = Gamma(a) Gamma(b)/Gamma(a + b) (a, b proved positive)");
      return Trees.times(F.Gamma(ast.arg1()), F.Gamma(ast.arg2()),
          Trees.power(F.Gamma(Trees.plus(ast.arg1(), ast.arg2())), F.CN1));
    }
    if (h.equals(S.LogGamma) && ast.argSize() == 1 && provedPositive(List.of(ast.arg1()), scope)) {
      laws.add("LogGamma(a) = Log(Gamma(a)) (a proved positive)");
      return F.Log(F.Gamma(ast.arg1()));
    }
    if ((h.equals(S.Cos) || h.equals(S.Sin)) && ast.argSize() == 1) {
      IExpr p = Cas.evaluate(Trees.node(S.Expand, Trees.times(ast.arg1(), Trees.power(S.Pi, F.CN1))));
      IExpr parity = parity(p, scope);
      if (parity != null) {
        laws.add("Cos(Pi n) = (-1)^n and Sin(Pi n) = 0 for integer n");
        return h.equals(S.Cos) ? parity : F.C0;
      }
      return null;
    }
    if (ast.isPower()) {
      if (ast.arg1().equals(S.E)) {
        IExpr p = Cas.evaluate(Trees.node(S.Expand, Trees.times(ast.arg2(), Trees.power(Trees.times(S.I, S.Pi), F.CN1))));
        IExpr parity = parity(p, scope);
        if (parity != null) {
          laws.add("E^(I Pi n) = (-1)^n for integer n");
          return parity;
        }
        return null;
      }
      if (ast.arg1().isMinusOne()) {
        IExpr parity = parity(Cas.evaluate(Trees.node(S.Expand, ast.arg2())), scope);
        if (parity != null && !parity.equals(ast)) {
          laws.add("(-1)^P by the parity of the integer P");
          return parity;
        }
        return null;
      }
      if (isRadical(ast) && ((IFraction) ast.arg2()).toBigNumerator().equals(BigInteger.ONE)) {
        IExpr denested = denest(ast.arg1());
        if (denested != null) {
          laws.add("Sqrt(a + b Sqrt(c)) denested");
          return denested;
        }
      }
    }
    return null;
  }

  /**
   * The binomial theorem: Sum(Binomial(n, k) C b^(c + s k) ..., {k, 0, n}) = C b^c ... (1 + b^s ...)^n
   * for n proved an integer >= 0, C and b free of k and s an integer; each b must be proved
   * nonzero (b^(c + s k) = b^c (b^s)^k) unless c is an integer >= 0 and s > 0, where b = 0 gives
   * the same value on both sides. With 1 + b^s ... = 0 the sum is 0 once n >= 1 is proved.
   */
  private IExpr binomialSum(IAST ast, List<Obligation.Iteration> scope) {
    Obligation.Iteration it = stepwise.rules.Places.iterationOf(ast);
    if (it == null || !ast.head().equals(S.Sum) || !it.lo().isZero() || it.hi().equals(S.Infinity)) {
      return null;
    }
    IExpr n = it.hi();
    ISymbol k = it.index();
    Set<ISymbol> index = Set.of(k);
    IExpr summand = Cas.evaluate(Trees.node(S.Expand, ast.arg1()));
    boolean binomial = false;
    List<IExpr> outside = new ArrayList<>();
    List<IExpr> ratio = new ArrayList<>();
    for (IExpr f : Trees.isHead(summand, S.Times) ? Trees.args(summand) : List.of(summand)) {
      if (!Trees.mentions(f, index)) {
        outside.add(f);
        continue;
      }
      if (!binomial && Trees.isHead(f, S.Binomial) && ((IAST) f).argSize() == 2 && ((IAST) f).arg2().equals(k)
          && Cas.evaluate(Trees.node(S.Expand, Trees.plus(((IAST) f).arg1(), Trees.negate(n)))).isZero()) {
        binomial = true;
        continue;
      }
      if (!f.isPower() || Trees.mentions(f.base(), index)) {
        return null;
      }
      IExpr exponent = Cas.evaluate(Trees.node(S.Expand, f.exponent()));
      IExpr slope = Cas.evaluate(F.Coefficient(exponent, k));
      IExpr constant = Cas.evaluate(Trees.node(S.Expand, Trees.plus(exponent, Trees.negate(Trees.times(slope, k)))));
      if (!(slope instanceof IInteger sk) || sk.isZero() || Trees.mentions(constant, index)) {
        return null;
      }
      boolean atZeroToo = constant instanceof IInteger c && c.isNonNegativeResult() && sk.isPositive();
      if (!atZeroToo && !signs.proves(F.Unequal(f.base(), F.C0), scope)) {
        return null;
      }
      outside.add(Trees.power(f.base(), constant));
      ratio.add(Trees.power(f.base(), slope));
    }
    if (!binomial || !signs.proves(F.Element(n, S.Integers), scope) || !signs.proves(F.GreaterEqual(n, F.C0), scope)) {
      return null;
    }
    IExpr base = Cas.evaluate(Trees.plus(F.C1, ratio.isEmpty() ? F.C1 : Trees.times(ratio)));
    if (base.isZero()) {
      if (!signs.proves(F.GreaterEqual(n, F.C1), scope)) {
        return null;
      }
      laws.add("the binomial theorem for an integer n >= 0");
      return F.C0;
    }
    laws.add("the binomial theorem for an integer n >= 0");
    outside.add(Trees.power(base, n));
    return Trees.times(outside);
  }

  private static BigInteger factorial(int n) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  private boolean provedPositive(List<IExpr> terms, List<Obligation.Iteration> scope) {
    for (IExpr t : terms) {
      if (!signs.proves(F.Greater(t, F.C0), scope) && !byCondition(t, scope)) {
        return false;
      }
    }
    return true;
  }

  /**
   * t > 0 from a stated condition between variables: with k <= n, n - k + 1 is the slack n - k
   * (>= 0) plus 1, and the rest (1) is proved positive by interval arithmetic.
   */
  private boolean byCondition(IExpr t, List<Obligation.Iteration> scope) {
    for (IExpr c : domains.conditions()) {
      if (!(c instanceof IAST rel) || rel.argSize() != 2) {
        continue;
      }
      IExpr h = rel.head();
      boolean less = h.equals(S.Less) || h.equals(S.LessEqual);
      boolean greater = h.equals(S.Greater) || h.equals(S.GreaterEqual);
      if (!less && !greater) {
        continue;
      }
      boolean strict = h.equals(S.Less) || h.equals(S.Greater);
      IExpr slack = less ? Trees.plus(rel.arg2(), Trees.negate(rel.arg1())) : Trees.plus(rel.arg1(), Trees.negate(rel.arg2()));
      IExpr rest = Cas.evaluate(Trees.node(S.Expand, Trees.plus(t, Trees.negate(slack))));
      if (signs.proves(F.Greater(rest, F.C0), scope) || strict && signs.proves(F.GreaterEqual(rest, F.C0), scope)) {
        return true;
      }
    }
    return false;
  }

  /**
   * (-1)^Q with Q the parity of p, if p is a polynomial with integer coefficients in variables
   * proved integer (the domains, or enclosing sum indices); else null.
   */
  private IExpr parity(IExpr p, List<Obligation.Iteration> scope) {
    Set<ISymbol> indices = new LinkedHashSet<>();
    scope.forEach(it -> indices.add(it.index()));
    List<IExpr> reduced = new ArrayList<>();
    for (IExpr term : Trees.isHead(p, S.Plus) ? Trees.args(p) : List.of(p)) {
      IInteger coefficient = F.C1;
      List<IExpr> monomial = new ArrayList<>();
      for (IExpr factor : Trees.isHead(term, S.Times) ? Trees.args(term) : List.of(term)) {
        if (factor instanceof IInteger i) {
          coefficient = coefficient.multiply(i);
          continue;
        }
        IExpr base = factor;
        if (factor.isPower() && factor.exponent() instanceof IInteger k && k.isPositive()) {
          base = factor.base(); // n^k has the parity of n
        }
        if (!(base instanceof ISymbol s && Verifier.integerValued(s, domains, indices))) {
          return null;
        }
        monomial.add(base);
      }
      if (coefficient.isEven()) {
        continue;
      }
      reduced.add(monomial.isEmpty() ? F.C1 : Trees.times(monomial));
    }
    return reduced.isEmpty() ? F.C1 : Trees.power(F.CN1, Trees.plus(reduced));
  }

  /** Sqrt(a + b Sqrt(c)) = Sqrt(x) +- Sqrt(y) with x, y = (a +- Sqrt(a^2 - b^2 c))/2, when that root is rational. */
  private static IExpr denest(IExpr radicand) {
    if (!Trees.isHead(radicand, S.Plus) || ((IAST) radicand).argSize() != 2) {
      return null;
    }
    IExpr first = ((IAST) radicand).arg1();
    IExpr second = ((IAST) radicand).arg2();
    if (!(first instanceof IRational a)) {
      return null;
    }
    IRational b = F.C1;
    IExpr root = second;
    if (Trees.isHead(second, S.Times) && ((IAST) second).argSize() == 2 && ((IAST) second).arg1() instanceof IRational r) {
      b = r;
      root = ((IAST) second).arg2();
    }
    if (!(root.isPower() && root.base() instanceof IRational c && c.isPositive() && root.exponent().equals(F.C1D2))) {
      return null;
    }
    if (!a.isPositive()) {
      return null;
    }
    IRational d = a.multiply(a).subtract(b.multiply(b).multiply(c));
    if (d.isNegative()) {
      return null;
    }
    IExpr sqrtD = Cas.evaluate(F.Sqrt(d));
    if (!(sqrtD instanceof IRational s)) {
      return null;
    }
    IRational x = a.add(s).multiply(F.C1D2);
    IRational y = a.subtract(s).multiply(F.C1D2);
    if (y.isNegative()) {
      return null;
    }
    IExpr second2 = Trees.power(y, F.C1D2);
    return Trees.plus(Trees.power(x, F.C1D2), b.isNegative() ? Trees.negate(second2) : second2);
  }

  /** A shifted argument: base + offset with an integer offset (the integer part of the constant term). */
  private record Shifted(IExpr base, int offset) {}

  private static Shifted shifted(IExpr argument) {
    IExpr expanded = Cas.evaluate(Trees.node(S.Expand, argument));
    IExpr constant = F.C0;
    List<IExpr> rest = new ArrayList<>();
    for (IExpr t : Trees.isHead(expanded, S.Plus) ? Trees.args(expanded) : List.of(expanded)) {
      if (t instanceof IRational) {
        constant = t;
      } else {
        rest.add(t);
      }
    }
    IRational c = (IRational) constant;
    BigInteger floor = c.floorFraction().toBigNumerator();
    if (floor.abs().compareTo(BigInteger.valueOf(1000)) > 0) {
      return new Shifted(expanded, 0);
    }
    IExpr base = Cas.evaluate(Trees.plus(Trees.plus(rest), c.subtract(F.ZZ(floor))));
    return new Shifted(base, floor.intValue());
  }

  /** Every Gamma (and PolyGamma of a fixed order) written with the largest shift of its base present. */
  private IExpr shiftGammas(IExpr e) {
    Map<IExpr, Integer> highest = new LinkedHashMap<>();
    Trees.walk(e, (path, sub) -> {
      IExpr arg = gammaArgument(sub);
      if (arg != null) {
        Shifted s = shifted(arg);
        highest.merge(key(sub, s.base()), s.offset(), Math::max);
      }
    });
    return replaceGammas(e, highest);
  }

  private static IExpr gammaArgument(IExpr e) {
    if (Trees.isHead(e, S.Gamma) && ((IAST) e).argSize() == 1) {
      return ((IAST) e).arg1();
    }
    if (Trees.isHead(e, S.PolyGamma) && ((IAST) e).argSize() == 2 && ((IAST) e).arg1() instanceof IInteger k
        && k.isNonNegativeResult() && k.toIntDefault(9) < 9) {
      return ((IAST) e).arg2();
    }
    return null;
  }

  private static IExpr key(IExpr call, IExpr base) {
    return Trees.isHead(call, S.Gamma) ? F.Gamma(base) : F.PolyGamma(((IAST) call).arg1(), base);
  }

  private IExpr replaceGammas(IExpr e, Map<IExpr, Integer> highest) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IExpr arg = gammaArgument(e);
    if (arg != null) {
      Shifted s = shifted(arg);
      int m = highest.getOrDefault(key(e, s.base()), s.offset());
      if (m == s.offset() || m - s.offset() > MAX_SHIFT) {
        return e;
      }
      IExpr top = Trees.plus(s.base(), F.ZZ(m));
      if (Trees.isHead(e, S.Gamma)) {
        List<IExpr> factors = new ArrayList<>();
        for (int j = s.offset(); j < m; j++) {
          factors.add(Trees.power(Trees.plus(s.base(), F.ZZ(j)), F.CN1));
        }
        laws.add("Gamma(x + 1) = x Gamma(x)");
        factors.add(F.Gamma(top));
        return Trees.times(factors);
      }
      // PolyGamma(k, x + 1) = PolyGamma(k, x) + (-1)^k k! / x^(k + 1)
      int k = ((IInteger) ((IAST) e).arg1()).toIntDefault();
      IExpr sign = F.ZZ(BigInteger.valueOf(k % 2 == 0 ? 1 : -1).multiply(factorial(k)));
      List<IExpr> terms = new ArrayList<>();
      terms.add(F.PolyGamma(F.ZZ(k), top));
      for (int j = s.offset(); j < m; j++) {
        terms.add(Trees.negate(Trees.times(sign, Trees.power(Trees.plus(s.base(), F.ZZ(j)), F.ZZ(-(k + 1))))));
      }
      laws.add("the PolyGamma recurrence");
      return Trees.plus(terms);
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr a : Trees.args(ast)) {
      rebuilt.append(replaceGammas(a, highest));
    }
    return rebuilt;
  }

  /** In each product: Gamma(p) Gamma(1 - p) and Gamma(p) Gamma(p + 1/2) with equal powers, combined. */
  private IExpr pairs(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr a : Trees.args(ast)) {
      rebuilt.append(pairs(a));
    }
    if (!Trees.isHead(rebuilt, S.Times)) {
      return rebuilt;
    }
    List<IExpr> factors = new ArrayList<>(Trees.args(rebuilt));
    for (int i = 0; i < factors.size(); i++) {
      for (int j = 0; j < factors.size(); j++) {
        if (i == j) {
          continue;
        }
        IExpr[] p = gammaPower(factors.get(i));
        IExpr[] q = gammaPower(factors.get(j));
        if (p == null || q == null || !p[1].equals(q[1])) {
          continue;
        }
        IExpr sum = Cas.evaluate(Trees.node(S.Expand, Trees.plus(p[0], q[0])));
        IExpr gap = Cas.evaluate(Trees.node(S.Expand, Trees.plus(q[0], Trees.negate(p[0]))));
        IExpr combined = null;
        if (sum.isOne()) {
          laws.add("Gamma(p) Gamma(1 - p) = Pi/Sin(Pi p)");
          combined = Trees.times(S.Pi, Trees.power(F.Sin(Trees.times(S.Pi, p[0])), F.CN1));
        } else if (sum instanceof IInteger m && !p[0].isNumber() && Math.abs(m.toIntDefault(99) - 1) <= 3) {
          // Gamma(m - p) = Gamma(1 - p) (1 - p) ... (m - 1 - p), or divided by (m - p) ... (-p) for m <= 0
          int top = m.toIntDefault();
          List<IExpr> shift = new ArrayList<>();
          for (int k = Math.min(top, 1); k < Math.max(top, 1); k++) {
            shift.add(Trees.plus(F.ZZ(k), Trees.negate(p[0])));
          }
          IExpr product = Trees.times(shift);
          laws.add("Gamma(p) Gamma(m - p) from Gamma(p) Gamma(1 - p) = Pi/Sin(Pi p) and the functional equation");
          combined = Trees.times(S.Pi, Trees.power(F.Sin(Trees.times(S.Pi, p[0])), F.CN1),
              top > 1 ? product : Trees.power(product, F.CN1));
        } else if (gap.equals(F.C1D2)) {
          laws.add("Legendre's duplication formula");
          combined = Trees.times(Trees.power(F.C2, Trees.plus(F.C1, Trees.times(F.CN2, p[0]))), F.Sqrt(S.Pi),
              F.Gamma(Trees.times(F.C2, p[0])));
        }
        if (combined != null) {
          List<IExpr> next = new ArrayList<>();
          for (int k = 0; k < factors.size(); k++) {
            if (k != i && k != j) {
              next.add(factors.get(k));
            }
          }
          next.add(Trees.power(combined, p[1]));
          return Trees.times(next);
        }
      }
    }
    return rebuilt;
  }

  /** {argument, power} for Gamma(x)^k (k an integer), else null. */
  private static IExpr[] gammaPower(IExpr f) {
    if (Trees.isHead(f, S.Gamma) && ((IAST) f).argSize() == 1) {
      return new IExpr[] {((IAST) f).arg1(), F.C1};
    }
    if (f.isPower() && Trees.isHead(f.base(), S.Gamma) && f.exponent() instanceof IInteger) {
      return new IExpr[] {((IAST) f.base()).arg1(), f.exponent()};
    }
    return null;
  }
}
