package stepwise.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.cas.Cas;

class ParserPrinterTest {
  static {
    Cas.warmUp();
  }

  private static IExpr parse(String s) {
    return ExprParser.parse(s, new OpenScope());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-Log(yhat^y*(1 - yhat)^(1 - y))",
      "-(y*Log(yhat) + (1 - y)*Log(1 - yhat))",
      "Sum(P(i)*Log(P(i)/Q(i)), {i, 1, n})",
      "Sum(P(i)*Log(P(i)) - P(i)*Log(Q(i)), {i, 1, n})",
      "a - b - c",
      "x/2",
      "1/x",
      "-1/x",
      "a/b/c",
      "-x^2",
      "(-x)^2",
      "x^(-1/2)",
      "Sqrt(x + 1)",
      "Exp(-x)",
      "2^n*x!",
      "0 < x < 1 && (y == 0 || y == 1)",
      "Log(2, 8)",
      "x^(y^z)",
      "(x^y)^z",
      "-(a + b)*c",
      "a*(b - c)",
      "1.5*x",
  })
  void printsBackWhatItParsed(String source) {
    IExpr tree = parse(source);
    String printed = ExprPrinter.print(tree);
    assertEquals(source, printed);
    assertEquals(tree, parse(printed));
  }

  @Test
  void keepsTheAuthorsOrder() {
    assertEquals("Plus(a, Times(-1, P(i), Log(Q(i))))", parse("a - P(i)*Log(Q(i))").fullFormString());
    assertEquals("Times(x, Power(2, -1))", parse("x/2").fullFormString());
    assertEquals("Times(-2, x)", parse("-(2*x)").fullFormString());
  }

  @Test
  void refusesForbiddenFunctionsAndBadSyntax() {
    assertThrows(ExprSyntaxError.class, () -> parse("URLFetch(x)"));
    assertThrows(ExprSyntaxError.class, () -> parse("Log(x"));
    assertThrows(ExprSyntaxError.class, () -> parse("a b"));
    assertThrows(ExprSyntaxError.class, () -> parse("x_ + 1"));
    assertThrows(ExprSyntaxError.class, () -> parse("(".repeat(500) + "x" + ")".repeat(500)));
  }
}
