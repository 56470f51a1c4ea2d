package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;

/**
 * Readings with Sin, Cos, Tan, Exp, Log and real powers computed by Dfp (as in a batch) agree with apfloat's
 * (as in a single check) to their digits, and zero tests give the same verdicts, at ordinary,
 * tiny, large and near-pole points. (Whether a reading is noise may differ: Dfp works with more
 * digits, so near Pi/2 its Sin(x) Cos(x) - Sin(2x)/2 is cleaner than apfloat's.)
 */
class DfpReadingsTest {
  private static final String[] EXPRESSIONS = {
    "Sin(x)*Cos(x) - Sin(2*x)/2", "Tan(x + y) - (Tan(x) + Tan(y))/(1 - Tan(x)*Tan(y))", "Exp(x)*Exp(y) - Exp(x + y)",
    "Sin(x)^2 + Cos(x)^2 - 1", "Log(x^2 + y^2) - 2*Log(x)", "Sin(x) - Sin(x + 2*Pi)", "Tan(x)", "Sin(100000*x)",
    "Exp(-700*x) + Log(y^2)", "Sin(1) + x*Cos(y)", "Exp(x^2) - 1 - x^2", "Cos(2*x) - 1 + 2*Sin(x)^2 + 10^-30",
    // powers of a positive or negative base
    "Sqrt(x^2 + y^2) - Abs(x)", "Sqrt(y)*Sqrt(y) - y", "y^x - Exp(x*Log(y))", "(x^2)^(1/3) - Abs(x)^(2/3)",
    "(1 + y^2)^(-1/2) + y^(-2/7)", "Sqrt(2) + Sqrt(3) - Sqrt(5 + 2*Sqrt(6))", "x^(1/3)", "y^(1/10^20) - 1"};
  private static final String[][] POINTS = {
    {"1", "1"}, {"-3.7", "0.001"}, {"1e-9", "123.5"}, {"1.5707963267948966", "3"}};
  /** Exp, Log and powers of complex numbers and negative bases, on and near the branch cut. */
  private static final String[] COMPLEX_EXPRESSIONS = {
    "Log(x) + Log(y)", "Sqrt(x)*Sqrt(x) - x", "Sqrt(-x*y) - I*Sqrt(x*y)", "Exp(x)^y - Exp(x*y)", "Log(Exp(x*y))",
    "x^y*Exp(-y*Log(x))", "1/Sqrt(x) - Sqrt(1/x)", "(x^2)^(1/3) - x^(2/3)", "Log((x + 1)^2 + y^2) - 2*Log(x - 2)",
    "Sqrt(y)*Sqrt(y) - y", "(1 + y^2)^(-1/2) + y^(-2/7)", "Exp(x*y) + Exp(I*x)"};
  private static final String[][] COMPLEX_POINTS = {
    {"-1", "-2"}, {"-1", "0.5"}, {"-9 -3.3", "2.1 0.4"}, {"0 1", "0 -1"}, {"-200 -400", "0 1"}, {"0.25 -1e-12", "-1e-9 3"}};

  /** "a" is the real a, "a b" the complex a + b i. */
  private static Point.Value value(String text) {
    String[] parts = text.trim().split(" +");
    return parts.length == 1 ? Point.Value.real(new BigDecimal(parts[0]))
        : new Point.Value(new BigDecimal(parts[0]), new BigDecimal(parts[1]), false, null);
  }

  @AfterAll
  static void apfloatAgain() {
    Precise.useDfp(false);
  }

  @Test
  void dfpAgreesWithApfloat() {
    compare(EXPRESSIONS, POINTS);
  }

  @Test
  void complexAndNegativeArgumentsAgree() {
    compare(COMPLEX_EXPRESSIONS, COMPLEX_POINTS);
  }

  /** Numbers beyond 10^96 (Dfp once read their plain digits as 10^96) and complex ones far from 1. */
  @Test
  void hugeAndTinyArgumentsAgree() {
    compare(new String[] {"Log(x) + Log(y)", "Log(x*y) - Log(x)", "Sqrt(x) + y^(1/3)", "x^(2/7)*y", "Log(-x)"},
        new String[][] {{"1.5e120", "3e-150"}, {"7e250", "2e200"}, {"-1e150 2e149", "1e-200 -5e-201"}});
  }

  private static void compare(String[] expressions, String[][] points) {
    for (String text : expressions) {
      IExpr e = ExprParser.parse(text, new OpenScope());
      for (String[] values : points) {
        Map<ISymbol, Point.Value> scalars = new LinkedHashMap<>();
        scalars.put(UserSymbols.named("x"), value(values[0]));
        scalars.put(UserSymbols.named("y"), value(values[1]));
        Point p = new Point(scalars, Map.of());
        String where = text + " at " + values[0] + ", " + values[1];
        Precise.useDfp(false);
        Precise.Zero apfloatZero = Precise.zeroTest(e, p).verdict();
        Precise.useDfp(true);
        assertEquals(apfloatZero, Precise.zeroTest(e, p).verdict(), where);
        for (int digits : new int[] {50, 70}) {
          Precise.useDfp(false);
          Precise.Reading apfloat = Precise.reading(e, p, digits);
          Precise.useDfp(true);
          Precise.Reading dfp = Precise.reading(e, p, digits);
          assertNotNull(apfloat, where);
          assertNotNull(dfp, where);
          // both within the rounding of the largest part or of the value, with room for apfloat's
          // loss near a pole (Tan at Pi/2 - 6e-17 loses 16 digits there, Dfp's 25 extra digits do not)
          IExpr gap = Cas.numeric(Trees.node(org.matheclipse.core.expression.S.Abs,
              Trees.plus(dfp.value(), Trees.negate(apfloat.value()))), digits + 20);
          double size = Math.max(Math.max(apfloat.largest(), 0), Math.log10(Cas.numeric(Trees.node(org.matheclipse.core.expression.S.Abs, apfloat.value()), 20).evalf() + 1));
          double bound = Math.pow(10, size - digits + 18);
          assertTrue(apfloat.noise() && dfp.noise() || gap.isZero() || Precise.compare(gap, bound) <= 0, where + ", " + digits + " digits: they differ by " + gap);
        }
      }
    }
  }
}
