package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scilab.forge.jlatexmath.TeXFormula;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * Every formula the material contains parses in JLaTeXMath with no ParseException and uses
 * none of the constructs it silently misrenders (shared/notes/jlatexmath.md).
 */
class FormulaParseTest {
  static List<String> allFormulas() {
    Material m = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
    List<String> out = new ArrayList<>();
    for (Material.Page p : m.derivations()) {
      out.add(p.start().formula());
      p.lines().forEach(l -> out.add(l.formula()));
      p.steps().forEach(s -> out.add(s.formula()));
      p.symbols().forEach(s -> out.add(s.latex()));
      out.add(Aligned.block(p, false, Text.Language.EN));
      out.add(Aligned.block(p, true, Text.Language.EN));
      out.add(Aligned.block(p, true, Text.Language.ZH));
    }
    for (Material.ClaimPage c : m.claims()) {
      out.add(c.leftLatex() + " " + c.relationLatex() + " " + c.rightLatex());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyEmittedFormulaParsesAndIsClean() {
    return allFormulas().stream().distinct().map(f -> DynamicTest.dynamicTest(f.length() > 80 ? f.substring(0, 80) : f, () -> {
      assertTrue(LatexLint.problems(f).isEmpty(), () -> LatexLint.problems(f) + " in " + f);
      assertDoesNotThrow(() -> new TeXFormula(f), f);
      int[] size = Formulas.size(f);
      assertTrue(size[0] > 0 && size[1] > 0);
    }));
  }

  @Test
  void theLintCatchesTheSilentMisrenders() {
    for (String bad : new String[] {"\\operatorname*{arg\\,max}_x f", "a \\\\[6pt] b", "\\mathbb{1}", "\\frac{a}{}", "x^",
        "{a", "\\begin{align*} a \\end{align*}", "\\begin{cases} a & b \\end{cases}"}) {
      assertTrue(!LatexLint.problems(bad).isEmpty(), bad);
    }
  }

  @Test
  void svgGlyphsAreDrawnAsPaths() {
    String svg = Formulas.svg("-\\sum_{i=1}^{n} P(x_i) \\log Q(x_i) \\geq 0");
    assertTrue(svg.contains("<path"), "glyphs as paths");
    assertTrue(!svg.contains("<text"), "no text elements (they show wrong in browsers)");
  }
}
