package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;

/**
 * The LaTeX of both of the article's roads, line by line, pinned to what the article writes
 * (shared/seed/), modulo spacing. Where the article's own LaTeX differs only in notation, the
 * difference is named next to the line: its redundant brackets (\log (P(x_i)), ^{(1-y)}),
 * its loose summation index (\sum_{x=1}^n over x_i) and its "||" for the norm bars.
 */
class LatexGoldenTest {
  private static Material material;

  @BeforeAll
  static void render() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  private static Material.Page page(String id) {
    return material.derivations().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  /** Spacing and \left / \right sizing do not count; x_{i} is x_i. */
  static String normalize(String latex) {
    return latex.replace("\\left", "").replace("\\right", "").replaceAll("\\s+", "")
        .replaceAll("_\\{(\\w)}", "_$1").replaceAll("\\^\\{(\\w)}", "^$1");
  }

  private static void assertLatex(String expected, String actual, String what) {
    assertEquals(normalize(expected), normalize(actual), what + "\n  expected " + expected + "\n  actual   " + actual);
  }

  @Test
  void roadAFromTheLikelihood() {
    Material.Page a = page("bce-from-likelihood");
    // article: P(y|x) = \hat{y}^y(1-\hat{y})^{(1-y)}   (its ^{(1-y)} has redundant brackets)
    assertLatex("P(y \\mid x) = \\hat{y}^{y}(1-\\hat{y})^{1-y}", a.start().formula(), "start");
    List<String> lines = a.lines().stream().map(Material.Line::formula).toList();
    // article: J = -\log P(y|x) = -(y \log \hat{y} + (1-y) \log (1 - \hat{y}))
    assertLatex("J = -\\log P(y \\mid x)", lines.get(0), "the -log transform");
    assertLatex("= -\\log(\\hat{y}^{y} (1 - \\hat{y})^{1 - y})", lines.get(1), "-log of the likelihood");
    // nested brackets alternate, as authors write them: \log[(1 - \hat{y})^{1 - y}], never \log((
    assertLatex("= -(\\log \\hat{y}^{y} + \\log[(1 - \\hat{y})^{1 - y}])", lines.get(2), "log of a product");
    assertLatex("= -(y \\log \\hat{y} + (1-y) \\log (1 - \\hat{y}))", lines.get(3), "log of a power: the article's J");
    assertEquals(4, lines.size());
    assertLatex("J = -(y \\log \\hat{y} + (1-y) \\log (1 - \\hat{y}))", a.steps().get(2).formula(), "last step alone");
  }

  @Test
  void roadBFromTheKlDivergence() {
    Material.Page b = page("bce-from-kl");
    assertLatex("D_{KL}(P \\| Q)", b.start().formula(), "start");
    List<String> lines = b.lines().stream().map(Material.Line::formula).toList();
    List<String> expected = List.of(
        // article: D_{KL} = \sum_{x=1}^n P(x_i) \log \frac{P(x_i)} {Q(x_i)}
        "= \\sum_{i=1}^{n} P(x_i) \\log \\frac{P(x_i)}{Q(x_i)}",
        // article: \sum_{x=1}^n P(x_i) (\log (P(x_i)) - \log (Q(x_i)))
        "= \\sum_{i=1}^{n} P(x_i) (\\log P(x_i) - \\log Q(x_i))",
        "= \\sum_{i=1}^{n} (P(x_i) \\log P(x_i) - P(x_i) \\log Q(x_i))",
        "= \\sum_{i=1}^{n} P(x_i) \\log P(x_i) + \\sum_{i=1}^{n} (-P(x_i) \\log Q(x_i))",
        "= \\sum_{i=1}^{n} P(x_i) \\log P(x_i) - \\sum_{i=1}^{n} P(x_i) \\log Q(x_i)",
        "= -H(P) - \\sum_{i=1}^{n} P(x_i) \\log Q(x_i)",
        "= -H(P) + H(P, Q)",
        // article: D_{KL}(P||Q) = H_Q(X) - H_P(X)
        "= H(P, Q) - H(P)",
        // article: H_P is a constant, drop it; what is left is C(P, Q)
        "\\simeq_{Q} \\underbrace{H(P, Q)}_{C(P, Q)}",
        "= -\\sum_{i=1}^{n} P(x_i) \\log Q(x_i)",
        // a substitution shows what it puts in over its "="
        "\\overset{n = 2}{=} -\\sum_{i=1}^{2} P(x_i) \\log Q(x_i)",
        "= -(P(x_1) \\log Q(x_1) + P(x_2) \\log Q(x_2))",
        // article: C(P, Q) = -P(x=0)\log (Q(x=0)) - P(x=1)\log (Q(x=1))   (outcomes 1, 2 are its x=0, x=1)
        "= -P(x_1) \\log Q(x_1) - P(x_2) \\log Q(x_2)",
        // article: C(P, Q) = -(1-y) \log (1-\hat{y}) - y \log (\hat{y})
        "\\overset{P(x_1) = 1 - y,\\ P(x_2) = y,\\ Q(x_1) = 1 - \\hat{y},\\ Q(x_2) = \\hat{y}}{=} -(1-y) \\log(1-\\hat{y}) - y \\log \\hat{y}",
        "= -[(1-y) \\log(1-\\hat{y}) + y \\log \\hat{y}]",
        // article: = -(y \log \hat{y} + (1-y)\log (1 - \hat{y}))
        "= -(y \\log \\hat{y} + (1-y) \\log(1 - \\hat{y}))");
    assertEquals(expected.size(), lines.size());
    for (int i = 0; i < expected.size(); i++) {
      assertLatex(expected.get(i), lines.get(i), "line " + (i + 1));
    }
  }

  @Test
  void bothRoadsEndInTheArticlesFormula() {
    String article = "-(y \\log \\hat{y} + (1-y)\\log (1 - \\hat{y}))";
    assertLatex(article, page("bce-from-likelihood").steps().get(2).resultLatex(), "road A");
    Material.Page b = page("bce-from-kl");
    assertLatex(article, b.steps().get(b.steps().size() - 1).resultLatex(), "road B");
  }

  @Test
  void nothingLooksLikeACasDump() {
    for (Material.Page p : material.derivations()) {
      for (Material.StepPage s : p.steps()) {
        String f = s.formula();
        assertEquals(-1, f.indexOf("\\cdot"), p.id() + " step " + s.number() + ": " + f);
        assertEquals(-1, f.indexOf("yhat"), p.id() + " step " + s.number() + ": " + f);
        assertEquals(-1, f.indexOf("-1"), p.id() + " step " + s.number() + ": " + f);
      }
    }
  }
}
