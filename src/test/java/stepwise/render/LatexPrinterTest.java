package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;

/** How an author writes small expressions: fractions whole, numbers first, brackets only where needed. */
class LatexPrinterTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "(a + b)/c            | \\frac{a + b}{c}",
      "(a + b)/(c + d)      | \\frac{a + b}{c + d}",
      "-(a + b)/c           | -\\frac{a + b}{c}",
      "Sum(x(i), {i, 1, n})/n | \\frac{1}{n} \\sum_{i=1}^{n} x(i)",
      "x*2                  | 2 x",
      "x*y*3                | 3 x y",
      "x*(-2)               | -2 x",
      "2*3^x                | 2 \\cdot 3^{x}",
      "2*(1/3)^n            | 2 \\cdot \\left(\\frac{1}{3}\\right)^{n}",
      "(-2)^n               | (-2)^{n}",
      "Max(a, b)            | \\max(a, b)",
      "Min(a, b, c)         | \\min(a, b, c)",
      "a/b^k                | \\frac{a}{b^{k}}",
      "y*Log(yhat)          | y \\log \\hat{y}",
      "-(y*Log(yhat) + (1 - y)*Log(1 - yhat)) | -(y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y}))",
  })
  void printsAsAnAuthorWrites(String expression, String latex) {
    assertEquals(latex, Latex.plain(ExprParser.parse(expression, new OpenScope())));
  }
}
