package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;

/**
 * A derivative is a new quantity, not equal to the previous line: an unnamed one is shown
 * with an arrow naming the rule, a named one as "name = result", never as "= result".
 */
class NewQuantityLinesTest {
  @TempDir
  Path dir;

  private Material.Page page(String yaml) {
    Path file = DerivationFiles.write(dir, "d.yaml", yaml);
    return new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(file))
        .derivations().get(0);
  }

  @Test
  void anUnnamedDerivativeIsAnArrowNotAnEquality() {
    Material.Page p = page("""
        symbols:
          x: "(0,1)"
        start: x^3
        steps:
          - rule: derivative
            in: x
            expect: 3*x^2
        """);
    Material.Line derivative = p.lines().get(p.lines().size() - 1);
    assertNotEquals("=", derivative.relation(), derivative.toString());
    assertTrue(derivative.relation().contains("\\xrightarrow{\\text{derivative}}"), derivative.toString());
    assertEquals("", derivative.lhs(), "no left side: " + derivative);
  }

  @Test
  void aNamedDerivativeIsItsNameEqualToTheResult() {
    Material.Page p = page("""
        symbols:
          x: "(0,1)"
        start:
          expr: x^3
          name: f
        steps:
          - rule: derivative
            in: x
            name: "f'"
            expect: 3*x^2
        """);
    Material.Line derivative = p.lines().get(p.lines().size() - 1);
    assertEquals("f'", derivative.lhs(), derivative.toString());
    assertEquals("=", derivative.relation(), derivative.toString());
    assertTrue(derivative.rhs().contains("3 x^{2}") || derivative.rhs().contains("3x^{2}"), derivative.toString());
  }
}
