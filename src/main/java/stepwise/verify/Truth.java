package stepwise.verify;

import org.hipparchus.complex.Complex;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Trees;

/**
 * Whether a statement (a condition, an assumption, one side of an equivalence) holds at a
 * point: fast in doubles, where a comparison within rounding counts as tied, and in high
 * precision, where "cannot tell" is null and never a guess.
 */
final class Truth {
  /** Relative difference below which two doubles count as equal (rounding, not a failure). */
  static final double TOLERANCE = 1e-9;

  private Truth() {}

  private static boolean isReal(Complex c) {
    return Math.abs(c.getImaginary()) <= TOLERANCE * Math.max(1, Math.abs(c.getReal()));
  }

  /** A condition at a point in double precision; null if a side is undefined there. */
  static Boolean holdsNumerically(IExpr c, Point p) {
    return Logic.evaluate(c, atom -> atomNumerically(atom, p));
  }

  private static Boolean atomNumerically(IAST ast, Point p) {
    IExpr head = ast.head();
    if (head.equals(stepwise.rules.Predicates.DISTRIBUTION)) {
      return true; // a fact about declarations, decided by the prover, not by values
    }
    Numeric numeric = new Numeric(p);
    Complex x = numeric.eval(ast.arg1());
    if (x.isNaN() || x.isInfinite()) {
      return null;
    }
    if (head.equals(S.Element)) {
      double scale = x.norm();
      if (ast.arg2().equals(S.Reals)) {
        return Math.abs(x.getImaginary()) <= TOLERANCE * scale;
      }
      if (ast.arg2().equals(S.Integers)) {
        return Math.abs(x.getImaginary()) <= TOLERANCE * scale && Math.abs(x.getReal() - Math.rint(x.getReal())) <= TOLERANCE * scale;
      }
      return null;
    }
    Complex y = numeric.eval(ast.arg2());
    if (y.isNaN() || y.isInfinite()) {
      return null;
    }
    double scale = Math.max(x.norm(), y.norm());
    if (head.equals(S.Equal)) {
      return x.subtract(y).norm() <= TOLERANCE * scale;
    }
    if (head.equals(S.Unequal)) {
      return x.subtract(y).norm() > TOLERANCE * scale;
    }
    if (!isReal(x) || !isReal(y)) {
      return false; // an order between non-real values fails
    }
    double d = x.getReal() - y.getReal();
    double tol = TOLERANCE * scale;
    if (head.equals(S.Greater)) return d > tol;
    if (head.equals(S.GreaterEqual)) return d >= -tol;
    if (head.equals(S.Less)) return d < -tol;
    if (head.equals(S.LessEqual)) return d <= tol;
    return null;
  }

  /** Whether some comparison in the statement has its two sides equal to double precision at p. */
  static boolean tied(IExpr statement, Point p) {
    boolean[] found = {false};
    Logic.evaluate(statement, atom -> {
      if (atom.argSize() == 2 && !atom.head().equals(S.Element)
          && !atom.head().equals(stepwise.rules.Predicates.DISTRIBUTION)) {
        Numeric numeric = new Numeric(p);
        Complex x = numeric.eval(atom.arg1());
        Complex y = numeric.eval(atom.arg2());
        found[0] |= x.subtract(y).norm() <= TOLERANCE * Math.max(x.norm(), y.norm());
      }
      return null; // keep visiting every atom
    });
    return found[0];
  }

  /** A condition at 50 digits: FALSE only when it surely fails; null if it cannot tell. */
  static Boolean holdsPrecisely(IExpr c, Point p) {
    return Logic.evaluate(c, atom -> atomPrecisely(atom, p));
  }

  private static Boolean atomPrecisely(IAST ast, Point p) {
    IExpr head = ast.head();
    if (head.equals(stepwise.rules.Predicates.DISTRIBUTION)) {
      return true;
    }
    if (head.equals(S.Element)) {
      IExpr part = ast.arg2().equals(S.Reals) ? Trees.node(S.Im, ast.arg1())
          : ast.arg2().equals(S.Integers) ? Trees.plus(ast.arg1(), Trees.negate(Trees.node(S.Round, ast.arg1()))) : null;
      if (part == null || Precise.at(part, p) == null) {
        return null;
      }
      Precise.Zero z = Precise.zeroTest(part, p).verdict();
      return z == Precise.Zero.UNSURE || z == Precise.Zero.BEYOND ? null : z == Precise.Zero.ZERO;
    }
    IExpr difference = Trees.plus(ast.arg1(), Trees.negate(ast.arg2()));
    if (Precise.at(difference, p) == null) {
      return null;
    }
    Precise.Test t = Precise.zeroTest(difference, p);
    if (t.verdict() == Precise.Zero.UNSURE || t.verdict() == Precise.Zero.BEYOND) {
      return null; // too close to call
    }
    boolean zero = t.verdict() == Precise.Zero.ZERO;
    // "zero" only means zero to 240 digits: a strict claim fails there only if it is exactly zero
    boolean strict = head.equals(S.Unequal) || head.equals(S.Greater) || head.equals(S.Less);
    if (zero && strict && !t.exact()) {
      return null;
    }
    if (head.equals(S.Equal)) return zero;
    if (head.equals(S.Unequal)) return !zero;
    if (zero) {
      return head.equals(S.GreaterEqual) || head.equals(S.LessEqual) ? Boolean.TRUE
          : head.equals(S.Greater) || head.equals(S.Less) ? Boolean.FALSE : null;
    }
    if (!t.value().isReal()) {
      return false;
    }
    int sign = Precise.sign(t.value());
    if (head.equals(S.Greater) || head.equals(S.GreaterEqual)) return sign > 0;
    if (head.equals(S.Less) || head.equals(S.LessEqual)) return sign < 0;
    return null;
  }
}
