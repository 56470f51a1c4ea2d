package stepwise.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.cli.Cli;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;
import stepwise.load.DerivationLoader;
import stepwise.model.Derivation;
import stepwise.model.InputError;

/**
 * Where LaTeX comes in and how it fails: errors with the column, a caret and the command not
 * known; ambiguous formulas naming both readings; nesting bounds; equiv --latex, --extract and
 * --batch; $..$ fields in derivation files read with the file's own names.
 */
class LatexInputTest {
  static {
    Fixtures.catalogue();
  }

  @TempDir
  Path dir;

  private static IExpr plain(String s) {
    return ExprParser.parse(s, new OpenScope());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "\\frac{1}{2}\\foo x    | 11 | unknown command \\foo",
      "\\log                  | 4  | \\log needs an argument",
      "(x + 1                 | 0  | is never closed",
      "x^2^3                  | 3  | double superscript",
      "\\sigma(x + 1)         | 0  | the function \\sigma applied to the bracket, or \\sigma times the bracket",
      "N(N + 1)               | 0  | declare N a function",
      "\\lg x                 | 0  | base 2 in some books and base 10",
      "\\sin^{-1}x + \\log^{-1} x | 13 | could be the inverse function",
      "\\sum_{i} x_i          | 7  | needs its range",
      "\\int x\\,dx           | 0  | needs both limits",
      "x_{i+1}                | 2  | needs a summation index or a declared family",
      "x + \\mathbb{R}        | 4  | after \\in only",
      "2 3                    | 2  | two numbers side by side",
      "3 = π ∈ @              | 8  | unexpected character '@'",
  })
  void unreadableLatexSaysWhereAndWhy(String latex, int column, String message) {
    LatexSyntaxError e = assertThrows(LatexSyntaxError.class, () -> LatexReader.read(latex));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertEquals(column, e.offset(), e.getMessage());
    String shown = e.describe(latex);
    String[] lines = shown.split("\n");
    assertEquals(3, lines.length, shown);
    assertEquals(column + 2, lines[2].indexOf('^'), "the caret stands under column " + (column + 1) + ":\n" + shown);
  }

  @Test
  void nestingIsBoundedLikePlainInput() {
    String deep = "\\frac{1}{".repeat(400) + "x" + "}".repeat(400);
    LatexSyntaxError e = assertThrows(LatexSyntaxError.class, () -> LatexReader.read(deep));
    assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
    String parens = "\\left(".repeat(5000) + "x" + "\\right)".repeat(5000);
    assertThrows(LatexSyntaxError.class, () -> LatexReader.read(parens));
    assertThrows(LatexSyntaxError.class, () -> LatexReader.read("x+".repeat(ExprParser.MAX_LENGTH)));
    assertEquals(plain("-x"), LatexReader.read("-".repeat(10_001) + "x")); // signs are a loop, not recursion
  }

  @Test
  void declaredNamesDecideCallsProductsAndEuler() {
    LatexVocabulary declared = LatexVocabulary.open(List.of("sigma", "p"), List.of("lr", "e"));
    assertEquals(plain("sigma(x + 1)"), LatexReader.read("\\sigma(x + 1)", new OpenScope(), declared));
    assertEquals(plain("p(x)"), LatexReader.read("p(x)", new OpenScope(), declared));
    assertEquals(plain("lr*x"), LatexReader.read("lr x", new OpenScope(), declared));
    assertEquals(plain("e*x"), LatexReader.read("e x", new OpenScope(), declared));
    assertEquals(plain("l*r*x"), LatexReader.read("l r x", new OpenScope(), declared));
    assertEquals(plain("E*x"), LatexReader.read("e x"));
  }

  @Test
  void extractTakesTheLastBoxedElseTheLastMath() {
    LatexExtract.Extracted boxed = LatexExtract.last("First $x$, then \\boxed{\\frac{1}{2}}, then $y$.");
    assertEquals("\\frac{1}{2}", boxed.latex());
    assertTrue(boxed.describe().contains("the last \\boxed{..}"), boxed.describe());
    assertEquals("y^2", LatexExtract.last("We get $x$ and finally \\[ y^2 \\]").latex());
    assertEquals("z", LatexExtract.last("Costs \\$5: $a$ then \\(z\\)").latex());
    assertEquals("3", LatexExtract.last("so $$x = 3$$").latex());
    assertTrue(LatexExtract.last("so $$x = 3$$").describe().contains("the side after its last ="));
    assertThrows(LatexSyntaxError.class, () -> LatexExtract.last("no formula here"));
  }

  @Test
  void equivReadsLatexAndSaysWhatItTook() {
    Cli proved = Cli.run("equiv", "--latex", "\\frac{1}{2}\\log(x^2)", "\\log x", "--assume", "x > 0");
    assertEquals(0, proved.exit(), proved.err());
    Cli latexAssumptions = Cli.run("equiv", "--latex", "-\\left(y\\log \\hat{y} + (1-y)\\log(1-\\hat{y})\\right)",
        "-\\log\\left(\\hat{y}^{y}(1-\\hat{y})^{1-y}\\right)", "--assume", "0 < \\hat{y} < 1, y \\in \\{0, 1\\}");
    assertEquals(0, latexAssumptions.exit(), latexAssumptions.err());
    Cli extracted = Cli.run("equiv", "--extract", "The answer is \\boxed{2\\log x}.", "$\\log x^2$", "--assume", "x > 0");
    assertEquals(0, extracted.exit(), extracted.err());
    assertTrue(extracted.out().contains("left side: took the last \\boxed{..}"), extracted.out());
    assertTrue(extracted.out().contains("right side: took the last $..$"), extracted.out());
    Cli refuted = Cli.run("equiv", "--latex", "\\log x + 1", "\\log(x + 1)", "--assume", "x > 0");
    assertEquals(1, refuted.exit(), refuted.out());
  }

  @Test
  void equivRefusesUnreadableLatexWithCaret() {
    Cli bad = Cli.run("equiv", "--latex", "\\frac{1}{2}\\foo x", "x");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("left side, column 12: unknown command \\foo"), bad.err());
    assertTrue(bad.err().contains("\n  \\frac{1}{2}\\foo x\n" + " ".repeat(2 + 11) + "^"), bad.err());
    Cli ambiguous = Cli.run("equiv", "--latex", "\\sigma(x+1)", "x");
    assertEquals(2, ambiguous.exit());
    Cli declared = Cli.run("equiv", "--latex", "--functions", "sigma", "\\sigma(x+1)", "\\sigma(1+x)");
    assertEquals(0, declared.exit(), declared.err() + declared.out());
    Cli noFormula = Cli.run("equiv", "--extract", "no formula", "$x$");
    assertEquals(2, noFormula.exit());
  }

  @Test
  void equivBatchReadsLatexColumns() {
    Path file = DerivationFiles.write(dir, "pairs.tsv", String.join("\n",
        "\\sin^2 x + \\cos^2 x\t1\tTrue",
        "\\log(xy)\t\\log x + \\log y\tx > 0, y > 0",
        "\\sqrt{x^2}\tx\tx \\in \\mathbb{R}",
        "\\frac{1}{\\foo}\t1\tTrue") + "\n");
    Cli cli = Cli.run("equiv", "--latex", "--batch", file.toString());
    assertEquals(2, cli.exit(), cli.out());
    assertTrue(cli.out().contains("4 pairs: 1 proved") || cli.out().contains("4 pairs: 2 proved"), cli.out());
    assertTrue(cli.out().contains("3: refuted"), cli.out());
    assertTrue(cli.out().contains("4: bad input: right side") || cli.out().contains("4: bad input: left side"),
        cli.out());
  }

  @Test
  void derivationFieldsBetweenDollarsAreLatexWithTheFilesNames() {
    String yaml = """
        symbols:
          y: "{0,1}"
          yhat: {domain: "(0,1)", latex: "\\\\hat{y}"}
        start: '$\\hat{y}^{y}(1-\\hat{y})^{1-y}$'
        steps:
          - rule: neg-log
          - rule: log-of-product
            expect: '$-\\left(\\log \\hat{y}^{y} + \\log\\left((1-\\hat{y})^{1-y}\\right)\\right)$'
          - rule: log-of-power
            expect: -(y*Log(yhat) + (1 - y)*Log(1 - yhat))
        """;
    Path file = DerivationFiles.write(dir, "latex.yaml", yaml);
    Derivation d = new DerivationLoader(Fixtures.catalogue()).load(file);
    assertEquals(plain("yhat^y*(1 - yhat)^(1 - y)").toString(), d.start().expr().toString());
    assertEquals(plain("-(Log(yhat^y) + Log((1 - yhat)^(1 - y)))").toString(), d.steps().get(1).expect().toString());
    Cli check = Cli.run("check", file.toString());
    assertEquals(0, check.exit(), check.out() + check.err());

    Path bad = DerivationFiles.write(dir, "bad.yaml", yaml.replace("\\log\\left((1-", "\\logg\\left((1-"));
    Cli refused = Cli.run("check", bad.toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("bad.yaml:8:") && refused.err().contains("unknown command \\logg"), refused.err());
    Path undeclared = DerivationFiles.write(dir, "undeclared.yaml", yaml.replace("1-\\hat{y})^{1-y}$'", "1-\\hat{z})^{1-y}$'"));
    Cli unknown = Cli.run("check", undeclared.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown symbol zhat"), unknown.err());
  }
}
