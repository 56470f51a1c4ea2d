package stepwise.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.cas.Cas;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;

/**
 * The conventions table of the README, one row at a time: each LaTeX form must give exactly the
 * tree that its plain-syntax reading gives (the same author-form tree, not just an equal value).
 */
class LatexConventionsTest {
  static {
    Cas.warmUp();
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
      \\log x => Log(x)
      \\ln x => Log(x)
      \\log_2 x => Log(2, x)
      \\log_{b}(x + 1) => Log(b, x + 1)
      \\frac{1}{2}\\log(x^2) => 1/2*Log(x^2)
      \\log x + 1 => Log(x) + 1
      \\log{\\left(x \\right)} => Log(x)
      \\log \\hat{y}^{y} => Log(yhat^y)
      e^{x} => E^x
      \\exp(x + 1) => Exp(x + 1)
      \\exp x => Exp(x)
      \\mathrm{e}^{-x} => E^(-x)
      \\frac{a}{b} => a/b
      \\dfrac{1}{x} => 1/x
      \\tfrac{3}{4} => 3/4
      \\frac12 => 1/2
      \\sqrt{x + 1} => Sqrt(x + 1)
      \\sqrt[3]{x} => x^(1/3)
      \\sqrt[n]{x} => x^(1/n)
      x^{2} => x^2
      x^23 => x^2*3
      x_1 + x_{12} => x1 + x12
      \\theta_0 => theta0
      \\sum_{i=1}^{n} y_i \\log \\hat{y}_i => Sum(y(i)*Log(yhat(i)), {i, 1, n})
      \\sum_{k=0}^{\\infty} \\frac{x^k}{k!} => Sum(x^k/k!, {k, 0, Infinity})
      \\prod_{i=1}^{n} x_i => Product(x(i), {i, 1, n})
      \\sum_{i=1}^{n} x_i + 1 => Sum(x(i), {i, 1, n}) + 1
      \\hat{y} => yhat
      \\bar{x} + \\tilde{x} => xbar + xtilde
      \\alpha + \\beta => alpha + beta
      \\varepsilon => epsilon
      \\mathrm{lr} \\cdot x => lr*x
      \\operatorname{softmax}(z) => softmax(z)
      2 \\cdot 3 => 2*3
      a \\times b => a*b
      2x => 2*x
      xy => x*y
      -2x => -2*x
      \\sin 2x => Sin(2*x)
      \\sin^2 x => Sin(x)^2
      \\sin^{-1} x => ArcSin(x)
      \\sin x \\cos x => Sin(x)*Cos(x)
      \\sin(x)^2 => Sin(x)^2
      \\left(x + 1\\right)^{2} => (x + 1)^2
      |x - 1| => Abs(x - 1)
      \\left|x\\right| => Abs(x)
      ||x| - 1| => Abs(Abs(x) - 1)
      \\lfloor x \\rfloor => Floor(x)
      \\lceil x \\rceil => Ceiling(x)
      n! => n!
      (n + 1)! => (n + 1)!
      \\binom{n}{k} => Binomial(n, k)
      \\frac{d}{dx} x^2 => D(x^2, x)
      \\frac{d}{d x}\\left(x^{2} + 1\\right) => D(x^2 + 1, x)
      \\frac{\\partial}{\\partial w} w^2 => D(w^2, w)
      \\frac{d^2}{dx^2} x^3 => D(D(x^3, x), x)
      \\frac{d \\sin x}{dx} => D(Sin(x), x)
      \\max(a, b) => Max(a, b)
      \\min\\{a, b, c\\} => Min(a, b, c)
      \\Gamma(x + 1) => Gamma(x + 1)
      \\Gamma x => Gamma(x)
      \\Gamma => Gamma
      \\zeta => zeta
      \\operatorname{atan}{\\left(x \\right)} => ArcTan(x)
      \\operatorname{sign}(x) => Sign(x)
      \\pi => Pi
      x(1 - x) => x*(1 - x)
      \\hat{y}(1 - \\hat{y}) => yhat*(1 - yhat)
      f(x + 1) => f(x + 1)
      N \\left(N + 1\\right) => N*(N + 1)
      N\\,(N + 1) => N*(N + 1)
      -\\left(y\\log p + (1-y)\\log(1-p)\\right) => -(y*Log(p) + (1 - y)*Log(1 - p))
      0 < \\hat{y} < 1 => 0 < yhat < 1
      x > 0, y \\geq 0 => x > 0 && y >= 0
      x \\in \\mathbb{R} => Element(x, Reals)
      y \\in \\{0, 1\\} => y == 0 || y == 1
      a \\neq b \\lor a \\le b => a != b || a <= b
      1.5x => 1.5*x
      \\frac{-1}{2} => -1/2
      -\\frac{x}{2} => -x/2
      """)
  void readsAsThePlainForm(String latex, String plain) {
    IExpr expected = ExprParser.parse(plain, new OpenScope());
    IExpr read = LatexReader.read(latex.strip());
    assertEquals(expected.fullFormString(), read.fullFormString(), latex);
  }
}
