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
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Inverse trigonometric and hyperbolic functions, each law used only on the branch where it
 * holds (proved by SignProver): ArcSin(Sin(u)) = u for -Pi/2 <= u <= Pi/2, ArcTan(Tan(u)) = u
 * for -Pi/2 < u < Pi/2, ArcCos(Cos(u)) = u for 0 <= u <= Pi, ArcCos(u) = Pi/2 - ArcSin(u) and
 * ArcSinh(u) = Log(u + Sqrt(u^2 + 1)) for real u, ArcTan(1/u) = +-Pi/2 - ArcTan(u) for u > 0
 * (u < 0), ArcTanh(u) = (Log(1 + u) - Log(1 - u))/2 for -1 < u < 1. Also the change of
 * variables that lets half angles meet whole ones in the exponential form.
 */
final class TrigForms {
  private static final Set<IExpr> CIRCULAR = Set.of(S.Sin, S.Cos, S.Tan, S.Cot, S.Sec, S.Csc, S.Sinh, S.Cosh,
      S.Tanh, S.Coth, S.Sech, S.Csch);
  private static final int MAX_SCALE = 12;
  private final SignProver signs;
  private final Set<String> laws = new LinkedHashSet<>();

  TrigForms(Domains domains) {
    this.signs = new SignProver(domains);
  }

  String laws() {
    return String.join(" | ", laws);
  }

  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> x.equals(S.ArcSin) || x.equals(S.ArcCos) || x.equals(S.ArcTan)
        || x.equals(S.ArcSinh) || x.equals(S.ArcTanh));
  }

  IExpr rewrite(IExpr e, List<Obligation.Iteration> scope) {
    return BottomUp.rewrite(e, scope, (n, inScope) -> n.argSize() == 1 ? node(n.head(), n.arg1(), inScope) : null, true);
  }

  private boolean proves(IExpr condition, List<Obligation.Iteration> scope) {
    return signs.proves(condition, scope);
  }

  private IExpr node(IExpr h, IExpr u, List<Obligation.Iteration> scope) {
    IExpr halfPi = Trees.times(F.C1D2, S.Pi);
    IExpr minusHalfPi = Trees.times(F.CN1D2, S.Pi);
    if (h.equals(S.ArcSin) && Trees.isHead(u, S.Sin)) {
      IExpr v = ((IAST) u).arg1();
      if (proves(F.GreaterEqual(v, minusHalfPi), scope) && proves(F.LessEqual(v, halfPi), scope)) {
        laws.add("ArcSin(Sin(u)) = u for -Pi/2 <= u <= Pi/2");
        return v;
      }
    }
    if (h.equals(S.ArcTan) && Trees.isHead(u, S.Tan)) {
      IExpr v = ((IAST) u).arg1();
      if (proves(F.Greater(v, minusHalfPi), scope) && proves(F.Less(v, halfPi), scope)) {
        laws.add("ArcTan(Tan(u)) = u for -Pi/2 < u < Pi/2");
        return v;
      }
    }
    if (h.equals(S.ArcCos) && Trees.isHead(u, S.Cos)) {
      IExpr v = ((IAST) u).arg1();
      if (proves(F.GreaterEqual(v, F.C0), scope) && proves(F.LessEqual(v, S.Pi), scope)) {
        laws.add("ArcCos(Cos(u)) = u for 0 <= u <= Pi");
        return v;
      }
    }
    if (h.equals(S.ArcCos) && proves(F.Element(u, S.Reals), scope)) {
      laws.add("ArcCos(u) = Pi/2 - ArcSin(u)");
      return Trees.plus(halfPi, Trees.negate(F.ArcSin(u)));
    }
    if (h.equals(S.ArcTan) && u.isPower() && u.exponent().isMinusOne()) {
      IExpr v = u.base();
      if (proves(F.Greater(v, F.C0), scope)) {
        laws.add("ArcTan(1/u) = Pi/2 - ArcTan(u) for u > 0");
        return Trees.plus(halfPi, Trees.negate(F.ArcTan(v)));
      }
      if (proves(F.Less(v, F.C0), scope)) {
        laws.add("ArcTan(1/u) = -Pi/2 - ArcTan(u) for u < 0");
        return Trees.plus(minusHalfPi, Trees.negate(F.ArcTan(v)));
      }
    }
    if (h.equals(S.ArcTanh) && proves(F.Greater(u, F.CN1), scope) && proves(F.Less(u, F.C1), scope)) {
      laws.add("ArcTanh(u) = (Log(1 + u) - Log(1 - u))/2 for -1 < u < 1");
      return Trees.times(F.C1D2, Trees.plus(F.Log(Trees.plus(F.C1, u)), Trees.negate(F.Log(Trees.plus(F.C1, Trees.negate(u))))));
    }
    if (h.equals(S.ArcSinh) && proves(F.Element(u, S.Reals), scope)) {
      laws.add("ArcSinh(u) = Log(u + Sqrt(u^2 + 1)) for u real");
      return F.Log(Trees.plus(u, Trees.power(Trees.plus(Trees.power(u, F.C2), F.C1), F.C1D2)));
    }
    return null;
  }

  /**
   * e with its exponentials E^(c m) (c a rational or rational times I, m the rest) written as
   * powers z^(c L / u) of one new variable z per m and unit u (z stands for E^(u m / L), L the
   * least common denominator of the c): a rational function that Together can decide. Sound in
   * one direction, which is all that is used: if it is zero as a rational function of
   * independent z, it is zero for the values the z stand for. Null if an exponent has no such form.
   */
  static IExpr exponentialsAsVariables(IExpr e) {
    Map<List<IExpr>, BigInteger> denominators = new LinkedHashMap<>();
    boolean[] odd = {false};
    Trees.walk(e, (path, sub) -> {
      if (sub.isPower() && sub.base().equals(S.E)) {
        Object[] split = splitExponent(sub.exponent());
        if (split == null) {
          odd[0] = true;
        } else {
          denominators.merge(List.of((IExpr) split[1], (IExpr) split[2]), ((org.matheclipse.core.interfaces.IRational) split[0])
              .toBigDenominator(), (a, b) -> a.multiply(b).divide(a.gcd(b)));
        }
      }
    });
    if (odd[0] || denominators.isEmpty()) {
      return null;
    }
    Map<List<IExpr>, ISymbol> variables = new LinkedHashMap<>();
    denominators.keySet().forEach(k -> variables.put(k, F.Dummy("stepwisez" + variables.size())));
    return replaceExponentials(e, denominators, variables);
  }

  private static IExpr replaceExponentials(IExpr e, Map<List<IExpr>, BigInteger> denominators,
      Map<List<IExpr>, ISymbol> variables) {
    if (e.isPower() && e.base().equals(S.E)) {
      Object[] split = splitExponent(e.exponent());
      List<IExpr> key = List.of((IExpr) split[1], (IExpr) split[2]);
      IExpr power = ((org.matheclipse.core.interfaces.IRational) split[0]).multiply(F.ZZ(denominators.get(key)));
      return Trees.power(variables.get(key), power);
    }
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(replaceExponentials(arg, denominators, variables));
    }
    return rebuilt;
  }

  /** {rational r, unit (1 or I), rest m} with exponent = r unit m, or null. */
  private static Object[] splitExponent(IExpr exponent) {
    org.matheclipse.core.interfaces.IRational r = F.C1;
    IExpr unit = F.C1;
    List<IExpr> rest = new ArrayList<>();
    for (IExpr f : Trees.isHead(exponent, S.Times) ? Trees.args(exponent) : List.of(exponent)) {
      if (f instanceof org.matheclipse.core.interfaces.IRational q) {
        r = r.multiply(q);
      } else if (f instanceof org.matheclipse.core.interfaces.IComplex c && c.re().isZero() && unit.isOne()) {
        r = r.multiply(c.im());
        unit = S.I;
      } else if (f.isNumber()) {
        return null;
      } else {
        rest.add(f);
      }
    }
    if (rest.isEmpty()) {
      return null; // E^2 and E^(I Pi) stay numbers
    }
    return new Object[] {r, unit, Trees.times(rest)};
  }

  /**
   * e with every variable v whose multiples in trigonometric arguments have denominators
   * (v/2, (x + y)/2) replaced by L v (L the least common denominator), or null if there is none.
   * A change of variables over all complex numbers: e is identically zero if and only if the
   * result is, and then E^(I v) is the one exponential of v that the others are powers of.
   */
  static IExpr scaled(IExpr e) {
    if (Trees.contains(e, x -> x.equals(S.Sum) || x.equals(S.Product))) {
      return null; // scaling a bound index would change the sum
    }
    Map<ISymbol, BigInteger> denominators = new LinkedHashMap<>();
    Trees.walk(e, (path, sub) -> {
      if (sub instanceof IAST call && CIRCULAR.contains(call.head()) && call.argSize() == 1) {
        IExpr arg = SymbolicProver.symja(Trees.node(S.Expand, call.arg1()));
        for (ISymbol v : Trees.symbols(call.arg1())) {
          if (v.isBuiltInSymbol()) {
            continue; // Pi, E and heads are constants, not variables
          }
          IExpr coefficient = arg == null ? null : SymbolicProver.symja(Trees.node(S.Coefficient, arg, v));
          if (coefficient instanceof IFraction f) {
            denominators.merge(v, f.toBigDenominator(), (a, b) -> a.multiply(b).divide(a.gcd(b)));
          }
        }
      }
    });
    Map<IExpr, IExpr> change = new LinkedHashMap<>();
    denominators.forEach((v, d) -> {
      if (d.compareTo(BigInteger.valueOf(MAX_SCALE)) <= 0) {
        change.put(v, Trees.times(F.ZZ(d), v));
      }
    });
    return change.isEmpty() ? null : Trees.substitute(e, change);
  }
}
