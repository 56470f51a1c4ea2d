package stepwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole composition table of the README's Relations section: every pair of relations
 * composes to what the table says, or is an error. A row is "first", a column "then".
 */
class RelationAlgebraTest {
  private static final Map<String, Relation> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("=", Relation.EQUAL);
    KINDS.put("≤", Relation.LESS_EQUAL);
    KINDS.put("≥", Relation.GREATER_EQUAL);
    KINDS.put("≃", new Relation.UpToConstant(Set.of("q")));
    KINDS.put("↘", new Relation.Monotone(false, "-Log(x)", Set.of()));
    KINDS.put("⇔", new Relation.Equivalent(""));
    KINDS.put("→", new Relation.Derived("derivative in q", Set.of("q")));
    KINDS.put("avg", new Relation.Mean("N", "k"));
  }

  /** The expected symbol of first ∘ then, or "error"; columns in the order of KINDS. */
  private static final String[][] TABLE = {
      // then:  =      ≤        ≥        ≃        ↘        ⇔        →        avg
      {"=", "=", "≤", "≥", "≃_{q}", "↘", "⇔", "→", "avg"},
      {"≤", "≤", "≤", "error", "error", "error", "error", "error", "error"},
      {"≥", "≥", "error", "≥", "error", "error", "error", "error", "error"},
      {"≃", "≃_{q}", "error", "error", "≃_{q}", "↘", "error", "→", "avg"},
      {"↘", "↘", "error", "error", "↘", "↗", "error", "→", "avg"},
      {"⇔", "⇔", "error", "error", "error", "error", "⇔", "error", "error"},
      {"→", "→", "→", "→", "→", "→", "→", "→", "error"},
      {"avg", "avg", "avg", "avg", "avg", "avg", "error", "→", "error"},
  };

  @Test
  void everyPairComposesAsTheTableSays() {
    String[] names = KINDS.keySet().toArray(String[]::new);
    assertEquals(names.length, TABLE.length);
    int checked = 0;
    for (String[] row : TABLE) {
      Relation first = KINDS.get(row[0]);
      for (int j = 0; j < names.length; j++) {
        Relation then = KINDS.get(names[j]);
        String expected = row[j + 1];
        String pair = row[0] + " then " + names[j];
        if (expected.equals("error")) {
          assertThrows(Relation.IncompatibleRelations.class, () -> Relation.compose(first, then), pair);
        } else {
          assertEquals(expected, Relation.compose(first, then).symbol(), pair);
        }
        checked++;
      }
    }
    assertEquals(64, checked);
  }

  @Test
  void ordersKeepTheirStrictness() {
    Relation lt = new Relation.Order(Relation.Op.LT);
    assertEquals("<", Relation.compose(Relation.LESS_EQUAL, lt).symbol());
    assertEquals("≤", Relation.compose(Relation.LESS_EQUAL, Relation.LESS_EQUAL).symbol());
  }

  @Test
  void upToConstantsOverDisjointVariablesDoNotCompose() {
    assertThrows(Relation.IncompatibleRelations.class, () -> Relation.compose(
        new Relation.UpToConstant(Set.of("q")), new Relation.UpToConstant(Set.of("w"))));
  }

  @Test
  void aDroppedTermFreeOfTheVariableLeavesTheDerivativeItself() {
    Relation.Derived d = new Relation.Derived("derivative in q", Set.of("q"));
    assertEquals(d, Relation.compose(new Relation.UpToConstant(Set.of("q")), d));
    Relation other = Relation.compose(new Relation.UpToConstant(Set.of("w")), d);
    assertTrue(other.describe().startsWith("derivative in q of a quantity equal, up to a term that does not depend on w"),
        other.describe());
  }

  @Test
  void aChainSaysWhatWasDone() {
    Relation decreasing = new Relation.Monotone(false, "-Log(x)", Set.of());
    Relation stationary = new Relation.Derived("stationary point in mu", Set.of("mu"));
    assertEquals("stationary point in mu of a strictly decreasing function",
        Relation.compose(decreasing, stationary).describe());
    Relation mean = Relation.compose(decreasing, new Relation.Mean("N", "k"));
    assertEquals("average over N samples (k = 1..N) of a strictly decreasing function", mean.describe());
    Relation twice = Relation.compose(new Relation.Derived("derivative in x", Set.of("x")),
        new Relation.Derived("derivative in x", Set.of("x")));
    assertEquals("derivative in x of the derivative in x", twice.describe());
  }
}
