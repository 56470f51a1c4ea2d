package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.IRational;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Branch-aware power and root laws, each made only after its side condition is proved under
 * the domains (SignProver), bottom-up:
 * <ul>
 * <li>(u v)^c = u^c v^c once u > 0 is proved (multiplying by a positive real keeps the argument),
 *     or once u, v >= 0 and c is a real number;</li>
 * <li>(u^a)^c = u^(a c) for u > 0 and a real; = Abs(u)^(a c) for u real and a even; = u^(a c) for
 *     u >= 0 and a, c real numbers;</li>
 * <li>u^c for a sum u: u factored (Factor), each factor's sign turned positive where -f > 0 is
 *     proved, and the power split only if every factor and the constant are positive;</li>
 * <li>u^c = E^(c Log u) for u > 0 and a symbolic c (x^Log(y) = y^Log(x));</li>
 * <li>Abs(u) = u or -u where the sign of u is proved; Abs(u)^k = u^k for u real and k even.</li>
 * </ul>
 */
final class RadicalForms {
  private final Domains domains;
  private final SignProver signs;
  private final Set<String> laws = new LinkedHashSet<>();

  RadicalForms(Domains domains) {
    this.domains = domains;
    this.signs = new SignProver(domains);
  }

  String laws() {
    return String.join(" | ", laws);
  }

  /** Whether e holds a root, a symbolic power or an Abs. */
  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> Trees.isHead(x, S.Abs)
        || x instanceof IAST a && a.isPower() && !a.arg1().equals(S.E) && !a.arg2().isInteger());
  }

  IExpr rewrite(IExpr e, List<Obligation.Iteration> scope) {
    return BottomUp.rewrite(e, scope, this::node, true);
  }

  private boolean positive(IExpr u, List<Obligation.Iteration> scope) {
    return signs.proves(F.Greater(u, F.C0), scope);
  }

  private boolean nonNegative(IExpr u, List<Obligation.Iteration> scope) {
    return signs.proves(F.GreaterEqual(u, F.C0), scope);
  }

  private boolean real(IExpr u, List<Obligation.Iteration> scope) {
    return u.isReal() || signs.proves(F.Element(u, S.Reals), scope);
  }

  private IExpr node(IAST ast, List<Obligation.Iteration> scope) {
    if (Trees.isHead(ast, S.Abs) && ast.argSize() == 1) {
      if (nonNegative(ast.arg1(), scope)) {
        laws.add("Abs(u) = u for u >= 0");
        return ast.arg1();
      }
      if (signs.proves(F.LessEqual(ast.arg1(), F.C0), scope)) {
        laws.add("Abs(u) = -u for u <= 0");
        return Trees.negate(ast.arg1());
      }
      return null;
    }
    if (!ast.isPower() || ast.arg1().equals(S.E) || ast.arg2().isInteger() && !Trees.isHead(ast.arg1(), S.Abs)) {
      return null;
    }
    IExpr base = ast.arg1();
    IExpr c = ast.arg2();
    if (Trees.isHead(base, S.Abs)) {
      IExpr u = ((IAST) base).arg1();
      if (c instanceof IInteger k && k.isEven() && real(u, scope)) {
        laws.add("Abs(u)^k = u^k for u real and k even");
        return Trees.power(u, c);
      }
      return null;
    }
    boolean numericExponent = c instanceof IRational;
    if (base.isPower() && !base.base().equals(S.E)) {
      IExpr u = base.base();
      IExpr a = base.exponent();
      if (positive(u, scope) && real(a, scope)) {
        laws.add("(u^a)^c = u^(a c) for u > 0, a real");
        return Trees.power(u, Trees.times(a, c));
      }
      if (a instanceof IInteger k && k.isEven() && numericExponent && real(u, scope)) {
        laws.add("(u^a)^c = Abs(u)^(a c) for u real, a even");
        return Trees.power(F.Abs(u), SymbolicProver.symja(Trees.times(a, c)));
      }
      if (a instanceof IRational && numericExponent && nonNegative(u, scope)) {
        laws.add("(u^a)^c = u^(a c) for u >= 0, a, c real");
        return Trees.power(u, SymbolicProver.symja(Trees.times(a, c)));
      }
      return null;
    }
    if (Trees.isHead(base, S.Times)) {
      IExpr split = splitProduct(Trees.args(base), c, scope);
      if (split != null) {
        return split;
      }
    }
    if (Trees.isHead(base, S.Plus) && numericExponent && !(c instanceof IInteger)) {
      IExpr square = pythagoreanSquare(base);
      if (square != null) {
        laws.add("Sin(u)^2 + Cos(u)^2 = 1 and Cosh(u)^2 - Sinh(u)^2 = 1 in a radicand");
        return Trees.power(square, c);
      }
    }
    if (Trees.isHead(base, S.Plus) && numericExponent) {
      IExpr factored = SymbolicProver.symja(Trees.node(S.Factor, base));
      List<IExpr> positives = factored == null ? null : positiveFactors(factored, signs, scope);
      if (positives != null && (positives.size() > 1 || positives.get(0).isPower())) {
        laws.add("u^c split over the factors of u, each proved positive");
        List<IExpr> out = new ArrayList<>();
        for (IExpr f : positives) {
          out.add(Trees.power(f, c));
        }
        return Trees.times(out);
      }
    }
    if (!c.isNumber() && positive(base, scope)) {
      laws.add("u^c = E^(c Log(u)) for u > 0");
      return Trees.power(S.E, Trees.times(c, F.Log(base)));
    }
    return null;
  }

  /** (u v ...)^c with the factors proved positive taken out; all split if the rest are >= 0 and c is real. */
  private IExpr splitProduct(List<IExpr> factors, IExpr c, List<Obligation.Iteration> scope) {
    List<IExpr> out = new ArrayList<>();
    List<IExpr> kept = new ArrayList<>();
    for (IExpr f : factors) {
      if (positive(f, scope)) {
        out.add(Trees.power(f, c));
      } else {
        kept.add(f);
      }
    }
    if (kept.size() > 1 && c instanceof IRational && kept.stream().allMatch(f -> nonNegative(f, scope))) {
      laws.add("(u v)^c = u^c v^c for u, v >= 0, c real");
      kept.forEach(f -> out.add(Trees.power(f, c)));
      return Trees.times(out);
    }
    if (out.isEmpty()) {
      return null;
    }
    laws.add("(u v)^c = u^c v^c for u > 0");
    if (!kept.isEmpty()) {
      out.add(Trees.power(Trees.times(kept), c));
    }
    return Trees.times(out);
  }

  /**
   * The factors f^e of a product (Factor's output) as a list whose product is the same and
   * whose every factor is proved positive (a factor f with -f > 0 proved is negated, its sign
   * moved to the constant, for integer e), or null if that cannot be done.
   */
  static List<IExpr> positiveFactors(IExpr product, SignProver signs, List<Obligation.Iteration> scope) {
    List<IExpr> out = new ArrayList<>();
    IRational constant = F.C1;
    for (IExpr factor : Trees.isHead(product, S.Times) ? Trees.args(product) : List.of(product)) {
      if (factor instanceof IRational r) {
        constant = constant.multiply(r);
        continue;
      }
      IExpr f = factor.isPower() && !factor.base().equals(S.E) ? factor.base() : factor;
      IExpr e = factor.isPower() && !factor.base().equals(S.E) ? factor.exponent() : F.C1;
      if (signs.proves(F.Greater(f, F.C0), scope)) {
        out.add(factor);
      } else if (e instanceof IInteger k && signs.proves(F.Less(f, F.C0), scope)) {
        // -f, not (-f)^1: a one-factor Power(-f, 1) would make LogForms split it again forever
        out.add(k.isOne() ? Trees.negate(f) : Trees.power(Trees.negate(f), e));
        if (!k.isEven()) {
          constant = constant.negate();
        }
      } else {
        return null;
      }
    }
    if (!constant.isPositive()) {
      return null;
    }
    if (!constant.isOne()) {
      out.add(0, constant);
    }
    return out;
  }

  /**
   * Every power c^r of a constant base c with a non-integer constant exponent r written in polar
   * form |c|^r E^(I r Arg(c)) (each part evaluated on its own), unless c is a positive rational
   * or E or Arg(c) is 0. Why: Symja's Times merges c1^r c2^r into (c1 c2)^r for constant bases
   * whatever their signs, so Sqrt(-E) Sqrt(-Pi) evaluates to Sqrt(E Pi), with the wrong sign, and
   * a false identity whose sides sampling cannot evaluate (a series, a sum of 10^9 terms) was
   * proved. The polar form is c^r itself on the principal branch, and merging it is sound.
   */
  static IExpr polarConstantPowers(IExpr e) {
    if (!(e instanceof IAST ast) || e.isNumber()) {
      return e;
    }
    org.matheclipse.core.interfaces.IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr a : Trees.args(ast)) {
      rebuilt.append(polarConstantPowers(a));
    }
    if (!rebuilt.isPower()) {
      return rebuilt;
    }
    IExpr base = rebuilt.arg1();
    IExpr r = rebuilt.arg2();
    if (base.equals(S.E) || base.isZero() || base instanceof IRational q && q.isPositive() || r.isInteger()
        || !base.isNumericFunction(true) || !r.isNumericFunction(true)) {
      return rebuilt;
    }
    IExpr arg = stepwise.cas.Cas.evaluate(Trees.node(S.Arg, base));
    if (arg.isZero()) {
      return rebuilt; // a positive base: Symja merges those soundly
    }
    IExpr modulus = stepwise.cas.Cas.evaluate(Trees.node(S.Abs, base));
    return Trees.times(Trees.power(modulus, r), Trees.power(S.E, Trees.times(F.CI, r, arg)));
  }

  /** The Pythagorean identities as substitutions of even powers: Sin^2 -> 1 - Cos^2 and the others. */
  private static final List<IExpr[]> PYTHAGOREAN = List.of(new IExpr[] {S.Sin, S.Cos, F.C1, F.CN1},
      new IExpr[] {S.Cos, S.Sin, F.C1, F.CN1}, new IExpr[] {S.Sinh, S.Cosh, F.CN1, F.C1},
      new IExpr[] {S.Cosh, S.Sinh, F.C1, F.C1});

  /**
   * A radicand with Sin, Cos, Sinh or Cosh rewritten by a Pythagorean identity (true for every
   * complex u) into a positive constant times even powers (1 - Sin(x)^2 = Cos(x)^2), so that
   * the root laws can take it out as Abs(..); null when no substitution gives a square.
   */
  private static IExpr pythagoreanSquare(IExpr radicand) {
    if (!Trees.contains(radicand, x -> x.equals(S.Sin) || x.equals(S.Cos) || x.equals(S.Sinh) || x.equals(S.Cosh))) {
      return null;
    }
    for (IExpr[] identity : PYTHAGOREAN) {
      IExpr replaced = evenPowers(radicand, identity);
      if (replaced.equals(radicand)) {
        continue;
      }
      IExpr factored = SymbolicProver.symja(Trees.node(S.Factor, Trees.node(S.Expand, replaced)));
      if (factored != null && isSquare(factored)) {
        return factored;
      }
    }
    return null;
  }

  /** f(u)^(2k) as (constant + sign g(u)^2)^k, for the identity {f, g, constant, sign}. */
  private static IExpr evenPowers(IExpr e, IExpr[] identity) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    if (ast.isPower() && ast.arg2() instanceof IInteger k && k.isEven() && k.isPositive()
        && Trees.isHead(ast.arg1(), identity[0]) && ((IAST) ast.arg1()).argSize() == 1) {
      IExpr other = Trees.node(identity[1], ((IAST) ast.arg1()).arg1());
      return Trees.power(Trees.plus(identity[2], Trees.times(identity[3], Trees.power(other, F.C2))), k.shiftRight(1));
    }
    org.matheclipse.core.interfaces.IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr a : Trees.args(ast)) {
      rebuilt.append(evenPowers(a, identity));
    }
    return rebuilt;
  }

  /** A positive rational times powers with even integer exponents (at least one). */
  private static boolean isSquare(IExpr e) {
    boolean power = false;
    for (IExpr f : Trees.isHead(e, S.Times) ? Trees.args(e) : List.of(e)) {
      if (f instanceof IRational r && r.isPositive()) {
        continue;
      }
      if (f.isPower() && f.exponent() instanceof IInteger k && k.isEven() && k.isPositive()) {
        power = true;
        continue;
      }
      return false;
    }
    return power;
  }
}
