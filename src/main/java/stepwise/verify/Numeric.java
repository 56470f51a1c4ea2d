package stepwise.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.complex.Complex;
import org.hipparchus.special.Gamma;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplex;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Evaluates an expression at a sample point in double-precision complex arithmetic, with
 * principal branches (as Symja and Mathematica): fast enough for hundreds of points per step.
 * Anything it cannot evaluate (an undeclared function, a symbolic sum bound) throws
 * NotNumeric; a value that does not exist there (log 0) comes back as NaN.
 */
final class Numeric {
  static final int MAX_TERMS = 100_000;
  private final Point point;
  private final Map<ISymbol, Complex> locals = new HashMap<>();

  /** The largest |addend| met in sums so far: rounding in doubles is relative to it, not to the result. */
  private double largestAddend;

  Numeric(Point point) {
    this.point = point;
  }

  double largestAddend() {
    return Double.isNaN(largestAddend) ? 0 : largestAddend;
  }

  /** Cannot be evaluated numerically at all. */
  static final class NotNumeric extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotNumeric(String message) {
      super(message, null, false, false);
    }
  }

  Complex eval(IExpr e) {
    if (e instanceof IInteger i) {
      return new Complex(i.doubleValue());
    }
    if (e instanceof IFraction f) {
      return new Complex(f.doubleValue());
    }
    if (e instanceof INum n) {
      return new Complex(n.doubleValue());
    }
    if (e instanceof IComplex c) {
      return new Complex(c.getRealPart().doubleValue(), c.getImaginaryPart().doubleValue());
    }
    if (e instanceof IComplexNum c) {
      return new Complex(c.reDoubleValue(), c.imDoubleValue());
    }
    if (e instanceof ISymbol s) {
      return symbol(s);
    }
    if (!(e instanceof IAST ast)) {
      throw new NotNumeric("cannot evaluate " + e);
    }
    IExpr head = ast.head();
    if (head.equals(S.Plus)) {
      Complex sum = Complex.ZERO;
      for (IExpr arg : Trees.args(ast)) {
        Complex term = eval(arg);
        largestAddend = Math.max(largestAddend, term.norm());
        sum = sum.add(term);
      }
      return sum;
    }
    if (head.equals(S.Times)) {
      Complex product = Complex.ONE;
      for (IExpr arg : Trees.args(ast)) {
        product = product.multiply(eval(arg));
      }
      return product;
    }
    if (head.equals(S.Power) && ast.argSize() == 2) {
      return power(ast.arg1(), ast.arg2());
    }
    if (head.equals(S.Sum) || head.equals(S.Product)) {
      return iterate(ast, head.equals(S.Sum));
    }
    if (head.equals(S.Piecewise)) {
      return piecewise(ast);
    }
    if (head instanceof ISymbol family && point.families().containsKey(family)) {
      return member(family, ast);
    }
    return function(ast);
  }

  private Complex symbol(ISymbol s) {
    Complex local = locals.get(s);
    if (local != null) {
      return local;
    }
    Point.Value v = point.scalars().get(s);
    if (v != null) {
      return v.approx();
    }
    if (s.equals(S.Pi)) {
      return new Complex(Math.PI);
    }
    if (s.equals(S.E)) {
      return new Complex(Math.E);
    }
    if (s.equals(S.I)) {
      return Complex.I;
    }
    if (s.equals(S.EulerGamma)) {
      return new Complex(0.5772156649015329);
    }
    throw new NotNumeric("no value for " + s.getSymbolName());
  }

  private Complex member(ISymbol family, IAST call) {
    int[] indices = new int[call.argSize()];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = integer(eval(call.get(k + 1)), family.getSymbolName() + "'s index");
    }
    TreeMap<Integer, Point.Value> members = point.families().get(family);
    if (members instanceof Point.Grid && indices.length != 2) {
      throw new NotNumeric(family.getSymbolName() + " takes two indices");
    }
    Integer key = Point.memberKey(indices);
    Point.Value v = key == null ? null : members.get(key);
    if (v == null) {
      return Complex.NaN; // outside the family's range: no value there
    }
    return v.approx();
  }

  private static int integer(Complex c, String what) {
    double re = c.getReal();
    if (Math.abs(re) > 1e9 && Math.abs(c.getImaginary()) <= 1e-9) {
      throw new NotNumeric(what + " is too large to sample (" + String.format("%.3g", re) + ")");
    }
    if (c.isNaN() || Math.abs(c.getImaginary()) > 1e-9 || Math.abs(re - Math.rint(re)) > 1e-9) {
      throw new NotNumeric(what + " is not an integer here");
    }
    return (int) Math.rint(re);
  }

  private Complex iterate(IAST ast, boolean sum) {
    Obligation.Iteration it = Places.iterationOf(ast);
    if (it == null) {
      throw new NotNumeric("unsupported iteration " + ast);
    }
    if (it.hi().equals(S.Infinity)) {
      throw new NotNumeric("a series (a sum to Infinity) is not evaluated numerically: only a proof decides it");
    }
    int lo = integer(eval(it.lo()), "a lower bound");
    int hi = integer(eval(it.hi()), "an upper bound");
    if ((long) hi - lo + 1 > MAX_TERMS) {
      throw new NotNumeric("more than " + MAX_TERMS + " terms");
    }
    Complex previous = locals.get(it.index());
    Complex acc = sum ? Complex.ZERO : Complex.ONE;
    try {
      for (int k = lo; k <= hi; k++) {
        locals.put(it.index(), new Complex(k));
        Complex term = eval(ast.arg1());
        if (sum) {
          largestAddend = Math.max(largestAddend, term.norm());
        }
        acc = sum ? acc.add(term) : acc.multiply(term);
      }
    } finally {
      if (previous == null) {
        locals.remove(it.index());
      } else {
        locals.put(it.index(), previous);
      }
    }
    return acc;
  }

  /** Piecewise({{value, condition}, ...}, default): the first case whose condition holds. */
  private Complex piecewise(IAST ast) {
    if (!(ast.arg1() instanceof IAST cases) || !cases.head().equals(S.List)) {
      throw new NotNumeric("malformed Piecewise");
    }
    for (IExpr c : Trees.args(cases)) {
      if (!(c instanceof IAST pair) || pair.argSize() != 2) {
        throw new NotNumeric("malformed Piecewise case");
      }
      if (holds(pair.arg2())) {
        return eval(pair.arg1());
      }
    }
    return ast.argSize() == 2 ? eval(ast.arg2()) : Complex.NaN;
  }

  /** A condition inside an expression (Piecewise): relations of real values, And, Or, Not. */
  private boolean holds(IExpr c) {
    Boolean v = Logic.evaluate(c, this::atom);
    if (v == null) {
      throw new NotNumeric("cannot decide " + c);
    }
    return v;
  }

  private Boolean atom(IAST ast) {
    IExpr head = ast.head();
    IExpr c = ast;
    if (ast.argSize() != 2) {
      throw new NotNumeric("cannot decide " + c);
    }
    Complex a = eval(ast.arg1());
    Complex b = eval(ast.arg2());
    double tolerance = 1e-12 * Math.max(1, Math.max(a.norm(), b.norm()));
    double d = a.getReal() - b.getReal();
    if (head.equals(S.Equal)) return a.subtract(b).norm() <= tolerance;
    if (head.equals(S.Unequal)) return a.subtract(b).norm() > tolerance;
    if (head.equals(S.Less)) return d < -tolerance;
    if (head.equals(S.LessEqual)) return d <= tolerance;
    if (head.equals(S.Greater)) return d > tolerance;
    if (head.equals(S.GreaterEqual)) return d >= -tolerance;
    throw new NotNumeric("cannot decide " + c);
  }

  private Complex power(IExpr baseExpr, IExpr exponentExpr) {
    if (baseExpr.equals(S.E)) {
      return eval(exponentExpr).exp();
    }
    Complex base = eval(baseExpr);
    if (exponentExpr instanceof IInteger k && Math.abs(k.doubleValue()) <= 1024) {
      int n = k.toIntDefault();
      if (n == 0) {
        return base.isZero() ? Complex.NaN : Complex.ONE;
      }
      if (base.isZero() && n < 0) {
        return Complex.NaN;
      }
      Complex p = Complex.ONE;
      Complex b = n > 0 ? base : Complex.ONE.divide(base);
      for (int i = 0; i < Math.abs(n); i++) {
        p = p.multiply(b);
      }
      return p;
    }
    Complex exponent = eval(exponentExpr);
    if (base.isZero()) {
      return exponent.getReal() > 0 ? Complex.ZERO : Complex.NaN;
    }
    if (base.getImaginary() == 0 && base.getReal() > 0 && exponent.getImaginary() == 0) {
      return new Complex(Math.pow(base.getReal(), exponent.getReal()));
    }
    // realIfReal: 1/x at a negative real x carries -0.0 as its imaginary part, and Log would take -I Pi
    return exponent.multiply(realIfReal(base).log()).exp();
  }

  private Complex function(IAST ast) {
    IExpr head = ast.head();
    // on a branch cut an exact real lies on the side Symja takes (+0.0 imaginary part), whatever sign of zero doubles left
    Complex x = ast.argSize() >= 1 ? realIfReal(eval(ast.arg1())) : null;
    if (head.equals(S.Log)) {
      if (ast.argSize() == 2) {
        return realIfReal(eval(ast.arg2())).log().divide(realIfReal(x).log()); // Log(b, z)
      }
      return x.isZero() ? Complex.NaN : realIfReal(x).log();
    }
    if (head.equals(S.Sin)) return x.sin();
    if (head.equals(S.Cos)) return x.cos();
    if (head.equals(S.Tan)) return x.tan();
    if (head.equals(S.Cot)) return Complex.ONE.divide(x.tan());
    if (head.equals(S.Sec)) return Complex.ONE.divide(x.cos());
    if (head.equals(S.Csc)) return Complex.ONE.divide(x.sin());
    if (head.equals(S.Sinh)) return x.sinh();
    if (head.equals(S.Cosh)) return x.cosh();
    if (head.equals(S.Tanh)) return x.tanh();
    if (head.equals(S.Coth)) return Complex.ONE.divide(x.tanh());
    if (head.equals(S.ArcSin)) return x.asin();
    if (head.equals(S.ArcCos)) return x.acos();
    if (head.equals(S.ArcTan)) {
      if (ast.argSize() == 2) {
        Complex y = eval(ast.arg2());
        return new Complex(Math.atan2(y.getReal(), x.getReal()));
      }
      return x.atan();
    }
    if (head.equals(S.ArcSinh)) return x.add(x.multiply(x).add(Complex.ONE).sqrt()).log();
    if (head.equals(S.ArcCosh)) return x.add(x.add(Complex.ONE).sqrt().multiply(x.subtract(Complex.ONE).sqrt())).log();
    if (head.equals(S.ArcTanh)) return x.add(Complex.ONE).log().subtract(Complex.ONE.subtract(x).log()).divide(new Complex(2));
    if (head.equals(S.Abs)) return x.abs();
    if (head.equals(S.Re)) return new Complex(x.getReal());
    if (head.equals(S.Im)) return new Complex(x.getImaginary());
    if (head.equals(S.Conjugate)) return x.conjugate();
    if (head.equals(S.Sign)) return x.isZero() ? Complex.ZERO : x.divide(x.abs());
    if (head.equals(S.Floor)) return new Complex(Math.floor(real(x)));
    if (head.equals(S.Ceiling)) return new Complex(Math.ceil(real(x)));
    if (head.equals(S.Max) || head.equals(S.Min)) {
      double best = head.equals(S.Max) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (IExpr arg : Trees.args(ast)) {
        double v = real(eval(arg));
        best = head.equals(S.Max) ? Math.max(best, v) : Math.min(best, v);
      }
      return new Complex(best);
    }
    if (head.equals(S.Factorial)) return new Complex(gamma(real(x) + 1));
    if (head.equals(S.Gamma)) return new Complex(gamma(real(x)));
    if (head.equals(S.Binomial)) return binomial(real(x), real(eval(ast.arg2())));
    if (head.equals(S.LogGamma)) return logGamma(real(x));
    if (head.equals(S.Beta)) {
      double a = real(x);
      double b = real(eval(ast.arg2()));
      return new Complex(gamma(a) * gamma(b) / gamma(a + b));
    }
    if (head.equals(S.Pochhammer)) return pochhammer(real(x), real(eval(ast.arg2())));
    if (head.equals(S.Erf)) return new Complex(org.hipparchus.special.Erf.erf(real(x)));
    if (head.equals(S.Erfc)) return new Complex(org.hipparchus.special.Erf.erfc(real(x)));
    if (head.equals(S.PolyGamma)) return polyGamma(ast.argSize() == 1 ? 0 : real(x), real(eval(ast.argSize() == 1 ? ast.arg1() : ast.arg2())));
    if (head.equals(S.Zeta)) return zeta(real(x));
    throw new NotNumeric("cannot evaluate " + head + "(...) numerically");
  }

  /** A real argument with a signed zero imaginary part would put Log on the wrong side of its cut. */
  private static Complex realIfReal(Complex x) {
    return x.getImaginary() == 0 ? new Complex(x.getReal(), 0.0) : x;
  }

  private static double real(Complex c) {
    if (Math.abs(c.getImaginary()) > 1e-12 * Math.max(1, Math.abs(c.getReal()))) {
      throw new NotNumeric("a real function got a complex argument");
    }
    return c.getReal();
  }

  private static double gamma(double x) {
    if (x <= 0 && x == Math.rint(x)) {
      return Double.NaN;
    }
    return Gamma.gamma(x);
  }

  /** LogGamma: log Gamma(x) for x > 0; on the negative reals Symja's LogGamma is complex, not evaluated here. */
  private static Complex logGamma(double x) {
    if (x <= 0) {
      throw new NotNumeric("LogGamma of a non-positive real is evaluated in high precision only");
    }
    return new Complex(Gamma.logGamma(x));
  }

  /** Pochhammer(a, n): a product for a small non-negative integer n, else a ratio of Gammas. */
  private static Complex pochhammer(double a, double n) {
    if (n == Math.rint(n) && n >= 0 && n <= 1000) {
      double p = 1;
      for (int k = 0; k < n; k++) {
        p *= a + k;
      }
      return new Complex(p);
    }
    return new Complex(gamma(a + n) / gamma(a));
  }

  /** PolyGamma(0, x) and PolyGamma(1, x) in doubles; higher orders are left to high precision. */
  private static Complex polyGamma(double order, double x) {
    if (x <= 0 && x == Math.rint(x)) {
      return Complex.NaN;
    }
    if (order == 0) return new Complex(Gamma.digamma(x));
    if (order == 1) return new Complex(Gamma.trigamma(x));
    throw new NotNumeric("PolyGamma of order " + order + " is evaluated in high precision only");
  }

  /** Zeta(s) for real s > 1 by Euler-Maclaurin (error far below double rounding); 1 is a pole. */
  private static Complex zeta(double s) {
    if (s == 1) {
      return Complex.NaN;
    }
    if (!(s > 1)) {
      throw new NotNumeric("Zeta below 1 is evaluated in high precision only");
    }
    int n = 20;
    double sum = 0;
    for (int k = 1; k < n; k++) {
      sum += Math.pow(k, -s);
    }
    // tail from n: n^(1-s)/(s-1) + n^-s/2 + Bernoulli corrections
    double tail = Math.pow(n, 1 - s) / (s - 1) + 0.5 * Math.pow(n, -s);
    double[] b2k = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730};
    double rising = s; // s (s+1) ... (s+2k-2)
    double factorial = 2;
    for (int k = 1; k <= b2k.length; k++) {
      tail += b2k[k - 1] / factorial * rising * Math.pow(n, -s - 2 * k + 1);
      rising *= (s + 2 * k - 1) * (s + 2 * k);
      factorial *= (2 * k + 1) * (2 * k + 2);
    }
    return new Complex(sum + tail);
  }

  /** Binomial as Mathematica: for integers n >= 0 it is 0 when k < 0 or k > n. */
  private static Complex binomial(double n, double k) {
    if (n == Math.rint(n) && k == Math.rint(k)) {
      if (k < 0 || (n >= 0 && k > n)) {
        return Complex.ZERO;
      }
      if (n >= 0 && n <= 1000) {
        double r = 1;
        long kk = (long) Math.min(k, n - k);
        for (long j = 1; j <= kk; j++) {
          r = r * (n - kk + j) / j;
        }
        return new Complex(Math.rint(r) == r || r > 1e15 ? r : Math.rint(r));
      }
    }
    return new Complex(gamma(n + 1) / (gamma(k + 1) * gamma(n - k + 1)));
  }
}
