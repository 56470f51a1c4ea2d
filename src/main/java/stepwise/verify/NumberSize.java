package stepwise.verify;

import org.hipparchus.special.Gamma;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;

/**
 * Refuses exact numbers too large to compute before anything computes them: Symja works out
 * Binomial(10^9, 5*10^8) (300 million digits) exactly and looks at no clock while it does.
 * Sizes are estimated from the arguments in doubles (log-gamma), never by computing the number.
 */
final class NumberSize {
  /** About Symja's own integer limit (Config.MAX_BIT_LENGTH = 200,000 bits). */
  static final double MAX_DIGITS = 60_000;

  private NumberSize() {}

  /** Why one of the expressions holds an exact number too large to compute, or null. */
  static String tooLarge(IExpr... expressions) {
    for (IExpr e : expressions) {
      String[] found = {null};
      Trees.walk(e, (path, sub) -> {
        if (found[0] == null && sub instanceof IAST ast) {
          double digits = digits(ast);
          if (digits > MAX_DIGITS) {
            found[0] = ExprPrinter.print(sub) + " has about " + String.format("%.3g", digits)
                + " digits, more than the " + (long) MAX_DIGITS + " that Stepwise computes exactly";
          }
        }
      });
      if (found[0] != null) {
        return found[0];
      }
    }
    return null;
  }

  /** Estimated decimal digits of an exact integer function of integer arguments, or 0 if not one. */
  private static double digits(IAST ast) {
    if (Trees.isHead(ast, S.Factorial) && ast.argSize() == 1) {
      Double n = integer(ast.arg1());
      return n == null || n < 2 ? 0 : Gamma.logGamma(n + 1) / Math.log(10);
    }
    if (Trees.isHead(ast, S.Gamma) && ast.argSize() == 1) {
      Double n = integer(ast.arg1());
      return n == null || n < 3 ? 0 : Gamma.logGamma(n) / Math.log(10);
    }
    if (Trees.isHead(ast, S.Binomial) && ast.argSize() == 2) {
      Double n = integer(ast.arg1());
      Double k = integer(ast.arg2());
      if (n == null || k == null || k < 0 || k > n) {
        return 0;
      }
      return (Gamma.logGamma(n + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1)) / Math.log(10);
    }
    if (Trees.isHead(ast, S.Pochhammer) && ast.argSize() == 2) {
      Double a = integer(ast.arg1());
      Double k = integer(ast.arg2());
      return a == null || k == null || a < 1 || k < 0 ? 0 : (Gamma.logGamma(a + k) - Gamma.logGamma(a)) / Math.log(10);
    }
    if ((Trees.isHead(ast, S.Zeta) || Trees.isHead(ast, S.PolyGamma)) && ast.argSize() >= 1) {
      // Zeta(2n) and PolyGamma(n, 1) are exact via Bernoulli numbers, whose size grows like n log n
      Double n = integer(ast.arg1());
      return n == null || Math.abs(n) < 20 ? 0 : Math.abs(n) * Math.log10(Math.abs(n));
    }
    if (Trees.isHead(ast, S.Power) && ast.argSize() == 2) {
      Double base = integer(ast.arg1());
      Double exponent = integer(ast.arg2());
      if (base == null || exponent == null || Math.abs(base) < 2) {
        return 0;
      }
      return Math.abs(exponent) * Math.log10(Math.abs(base));
    }
    return 0;
  }

  /** The value of a constant integer expression such as 5*10^8, in doubles; null if it is not one. */
  private static Double integer(IExpr e) {
    if (e instanceof IInteger i) {
      return i.doubleValue();
    }
    if (!(e instanceof IAST ast) || !(Trees.isHead(e, S.Times) || Trees.isHead(e, S.Plus) || Trees.isHead(e, S.Power))) {
      return null;
    }
    double[] values = new double[ast.argSize()];
    for (int i = 1; i <= ast.argSize(); i++) {
      Double v = integer(ast.get(i));
      if (v == null) {
        return null;
      }
      values[i - 1] = v;
    }
    double out;
    if (Trees.isHead(e, S.Power)) {
      out = values.length == 2 && values[1] >= 0 ? Math.pow(values[0], values[1]) : Double.NaN;
    } else {
      out = Trees.isHead(e, S.Times) ? 1 : 0;
      for (double v : values) {
        out = Trees.isHead(e, S.Times) ? out * v : out + v;
      }
    }
    return Double.isNaN(out) ? null : out;
  }
}
