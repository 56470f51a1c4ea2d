package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;

/**
 * Every spot-check row of every shipped derivation agrees with the relation it illustrates,
 * recomputed here from the row's own numbers: for = the difference is the two sides' and is
 * zero; for an inequality the slack has the right sign; for equality up to a term free of V
 * the two rows of a pair share the point but not V, and their difference is the same; for
 * equivalent statements the truth values agree; a counterexample's sides differ. A slip shows
 * the author's wrong line, not the engine's correct one, with its counterexample.
 */
class SpotTablesTest {
  private static Material material;

  @BeforeAll
  static void build() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  private static double tolerance(double... sides) {
    double size = 1;
    for (double s : sides) {
      size = Math.max(size, Math.abs(s));
    }
    return 1e-9 * size;
  }

  @Test
  void everyRowAgreesWithItsStepsRelation() {
    int rows = 0;
    List<String> kinds = new ArrayList<>();
    for (Material.Page p : material.derivations()) {
      for (Material.StepPage s : p.steps()) {
        Material.SpotTable t = s.spots();
        String where = p.id() + " step " + s.number() + " (" + t.kind() + ")";
        if (!kinds.contains(t.kind())) {
          kinds.add(t.kind());
        }
        if (List.of("equal", "order", "constant", "truth").contains(t.kind()) && s.verdict().passes() && s.samples() > 0) {
          assertFalse(t.isEmpty(), where + ": a checked step shows its check");
        }
        assertTrue(t.rows().size() <= 2 * SpotTables.MAX_POINTS, where + ": a compact table");
        for (Material.SpotRow r : t.rows()) {
          rows++;
          check(t.kind(), r, where);
          assertEquals(t.headers().size(), r.cells().size(), where);
        }
        if ("constant".equals(t.kind())) {
          constantPairs(t, where);
        }
      }
    }
    assertTrue(rows > 100, "rows checked: " + rows);
    for (String kind : List.of("equal", "order", "constant", "truth", "counterexample", "values")) {
      assertTrue(kinds.contains(kind), "the shipped derivations show a " + kind + " table: " + kinds);
    }
  }

  private static void check(String kind, Material.SpotRow r, String where) {
    List<Double> v = r.values();
    switch (kind) {
      case "equal" -> {
        assertNotNull(v.get(0), where + ": previous line computed at " + r.point());
        assertNotNull(v.get(1), where + ": this line computed at " + r.point());
        assertEquals(v.get(0) - v.get(1), v.get(2), tolerance(v.get(0)), where);
        assertEquals(0, v.get(2), tolerance(v.get(0), v.get(1)), where + ": the two sides agree at " + r.point());
      }
      case "order" -> {
        double slack = v.get(2);
        assertTrue(Math.abs(slack - (v.get(0) - v.get(1))) < tolerance(v.get(0), v.get(1))
            || Math.abs(slack - (v.get(1) - v.get(0))) < tolerance(v.get(0), v.get(1)), where + ": slack of the two sides");
        assertTrue(slack >= -tolerance(v.get(0), v.get(1)), where + ": the slack is never negative: " + slack);
        assertFalse(r.cells().get(2).en().startsWith("−"), where + ": shown slack " + r.cells().get(2).en());
      }
      case "truth" -> assertEquals(v.get(0), v.get(1), where + ": both statements have the same truth value");
      case "counterexample" -> {
        if (v.size() == 3) {
          assertTrue(Math.abs(v.get(2)) > tolerance(v.get(0), v.get(1)), where + ": the sides differ");
          assertEquals(v.get(0) - v.get(1), v.get(2), tolerance(v.get(0)), where);
        } else {
          assertNotEquals(v.get(0), v.get(1), where + ": one statement holds, the other not");
        }
      }
      case "constant" -> assertEquals(v.get(0) - v.get(1), v.get(2), tolerance(v.get(0)), where);
      case "values" -> v.forEach(x -> assertNotNull(x, where + ": a value at " + r.point()));
      default -> throw new AssertionError(where + ": unknown kind");
    }
  }

  /** Two rows per group: the same point except for the variables V, and the same difference. */
  private static void constantPairs(Material.SpotTable t, String where) {
    assertTrue(t.rows().size() >= 2, where + ": at least one pair");
    for (int i = 0; i + 1 < t.rows().size(); i += 2) {
      Material.SpotRow a = t.rows().get(i);
      Material.SpotRow b = t.rows().get(i + 1);
      assertEquals(a.group(), b.group(), where);
      assertNotEquals(a.point(), b.point(), where + ": V takes two values");
      int same = 0;
      for (Map.Entry<String, String> e : a.point().entrySet()) {
        same += e.getValue().equals(b.point().get(e.getKey())) ? 1 : 0;
      }
      assertTrue(same >= 1, where + ": everything but V is the same");
      assertEquals(a.values().get(2), b.values().get(2), tolerance(a.values().get(0), b.values().get(0)),
          where + ": the difference does not change with V");
      assertNotEquals(a.values().get(1), b.values().get(1), where + ": the line itself does change with V");
    }
  }

  @Test
  void aSlipShowsTheAuthorsWrongLineWithItsCounterexampleAndTheCorrection() {
    Material.Page slip = material.derivations().stream().filter(p -> p.id().equals("lost-minus-sign")).findFirst()
        .orElseThrow();
    Material.StepPage step = slip.steps().get(1);
    assertEquals("refuted", step.verdict().key());
    assertNotNull(step.wrongLatex(), "the author's line is shown");
    // the author wrote sum P log Q (no minus); the engine computes -sum P log Q
    assertTrue(step.wrongLatex().endsWith("= \\sum_{i=1}^{n} P(x_{i}) \\log Q(x_{i})"), step.wrongLatex());
    assertTrue(step.correctLatex().endsWith("= -\\sum_{i=1}^{n} P(x_{i}) \\log Q(x_{i})"), step.correctLatex());
    assertEquals("counterexample", step.spots().kind());
    Material.SpotRow row = step.spots().rows().get(0);
    assertEquals(-row.values().get(0), row.values().get(1), 1e-12, "the author's line is the negative of the right one");
    assertTrue(row.values().get(0) > 0, "cross-entropy is positive at " + row.point());
    // the aligned derivation marks the refuted line
    assertTrue(slip.lines().stream().anyMatch(l -> l.relation().equals("\\neq")), "the refuted line is marked");
  }

  @Test
  void numbersAreRoundedAndLongVectorsSummarised() {
    assertEquals("0.6931", SpotTables.round(0.6931471805599453));
    assertEquals("−1.386", SpotTables.round(-1.3862943611198906));
    assertEquals("1.5e-09", SpotTables.round(1.5e-9));
    assertEquals("(0.1, 0.2, 0.3, …, 0.05) [27]", SpotTables.summarise("(0.1, 0.2, 0.3, " + "0.01, ".repeat(23) + "0.05)"));
    assertEquals("(0.5, 0.5)", SpotTables.summarise("(0.5, 0.5)"));
  }
}
