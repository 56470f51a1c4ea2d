package stepwise.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import stepwise.model.InputError;
import stepwise.model.Source;

/** The safe LaTeX subset of user display fields: what the shipped files use passes, the rest is refused. */
class LatexFieldsTest {
  private static final Source AT = new Source(Path.of("f.yaml"), 3, 9);

  @ParameterizedTest
  @ValueSource(strings = {"\\hat{y}", "P(x_{#1})", "p_1", "C(P, Q)", "\\frac{\\partial^2 J}{\\partial \\hat{y}^2}",
      "D_{KL}(P \\| Q)", "H_Q - H_P", "P(y \\mid x)", "\\mathbb{E}_{#1}\\left[#2\\right]", "\\sqrt[3]{x}",
      "\\left\\{ x \\right.", "\\operatorname{KL}", "\\text{loss}", "a < b", "\\bar{x}_{i}", "\\$ \\& \\%"})
  void acceptsOrdinaryMath(String latex) {
    assertDoesNotThrow(() -> LatexFields.check(latex, AT, "latex:", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\input{/etc/passwd}", "\\include{x}", "\\includegraphics{/etc/passwd}", "\\openin5=x",
      "\\openout1=x", "\\read5 to\\x", "\\write18{ls}", "\\immediate\\write18{ls}", "\\def\\x{1}", "\\edef\\x{1}",
      "\\gdef\\x{1}", "\\xdef\\x{1}", "\\let\\x\\y", "\\newcommand{\\x}{1}", "\\renewcommand{\\x}{1}",
      "\\providecommand{\\x}{1}", "\\DeclareMathOperator{\\x}{x}", "\\catcode`\\^^5c=12", "\\csname x\\endcsname",
      "\\usepackage{x}", "\\documentclass{article}", "\\begin{document}", "\\special{x}", "\\directlua{os.exit()}",
      "\\url{http://x}", "\\href{http://x}{y}", "\\verb|x|", "\\text{\\input{x}}"})
  void refusesFileShellAndDefinitionCommands(String latex) {
    InputError e = assertThrows(InputError.class, () -> LatexFields.check(latex, AT, "latex:", true));
    assertTrue(e.describe().startsWith("f.yaml:3:9: latex: contains \\"), e.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=y>", "</p>", "<!-- x -->", "x % comment",
      "$x$", "a & b", "^^5cinput", "\\frac{a}", "\\frac{}{b}", "\\hat", "x^", "x_\\alpha", "{x", "x}", "\\left( x",
      "x \\right)", "#1", "\\foo", "\\@", "\u0007", " "})
  void refusesHtmlCommentsAndBrokenShapes(String latex) {
    InputError e = assertThrows(InputError.class, () -> LatexFields.check(latex, AT, "name:", false));
    assertTrue(e.describe().startsWith("f.yaml:3:9: name: "), e.describe());
  }

  @ParameterizedTest
  @ValueSource(ints = {Limits.LATEX_CHARS + 1})
  void refusesOverLongFields(int length) {
    assertThrows(InputError.class, () -> LatexFields.check("x".repeat(length), AT, "latex:", false));
  }
}
