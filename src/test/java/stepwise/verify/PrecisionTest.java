package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stepwise.Fixtures;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * Verdicts where double precision alone would be wrong: values below 1e-308, differences below
 * 1e-16, and cancellation. A counterexample is never reported unless it holds.
 */
class PrecisionTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(), Fixtures.SETTINGS);

  private Finding equal(String left, String right, String assume) {
    return equivalence.check(equivalence.parse(left, right, assume, Source.of(null)));
  }

  @ParameterizedTest(name = "{0} = {1} under {2}")
  @CsvSource(delimiter = '|', value = {
      "x/1000000            | x/1000001        | x > 0",
      "x^2                  | x^2 + 10^-30     | Element(x, Reals)",
      "Exp(-1/x^2)          | 0                | 0 < x < 1/100",
      "1 + 10^-20*x         | 1                | x > 0",
  })
  void tinyButRealDifferencesAreRefuted(String left, String right, String assume) {
    Finding f = equal(left, right, assume);
    assertEquals(Status.REFUTED, f.status(), f.toString());
    assertNotNull(f.counterexample());
  }

  @ParameterizedTest(name = "{0} = {1} under {2}")
  @CsvSource(delimiter = '|', value = {
      "Sin(x)^2 + Cos(x)^2      | 1                   | True",
      "Exp(-1/x^2)*x            | x*Exp(-1/x^2)       | 0 < x < 1/100",
      "(1 + x)^20 - 1           | Sum(Binomial(20, k)*x^k, {k, 1, 20}) | True",
      "Log(Exp(-1/x^2))         | -1/x^2              | 0 < x < 1/100",
  })
  void equalitiesWithCancellationOrUnderflowHold(String left, String right, String assume) {
    Finding f = equal(left, right, assume);
    assertTrue(f.status().holds(), f.toString());
  }

  @Test
  void aPositiveValueBelowDoublePrecisionIsNeverACounterexampleToPositivity() {
    Verifier verifier = Fixtures.verifier();
    var q = equivalence.parse("Exp(-1/x^2)", "0", "0 < x < 1/100", Source.of(null));
    Finding f = verifier.order("positive", q.left(), stepwise.model.Relation.Op.GT, q.right(), q.domains(), null);
    assertNotEquals(Status.REFUTED, f.status(), f.toString());
    assertTrue(f.status().holds(), f.toString());
  }
}
