package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/** The Kronecker delta's sifting law proves a sum only when the picked value is an integer inside the range. */
class IndicatorFormsTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(),
      new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(20), Settings.DEFAULT.seed()));

  private Finding check(String left, String right, String assumptions) {
    return equivalence.check(equivalence.parse(left, right, assumptions, Source.of(null)));
  }

  @Test
  void aDeltaInsideTheRangePicksOneTerm() {
    Finding f = check("Sum(i^2*KroneckerDelta(c, i), {i, 1, n})", "c^2",
        "Element(n, Integers) && n >= 1 && Element(c, Integers) && c >= 1 && c <= n");
    assertEquals(Status.PROVED, f.status(), f.toString());
    assertTrue(f.method().contains("KroneckerDelta"), f.method());
  }

  @Test
  void anIndicatorOfEqualityPicksOneTermToo() {
    Finding f = check("Sum(i*Boole(i == c), {i, 1, n})", "c",
        "Element(n, Integers) && n >= 1 && Element(c, Integers) && c >= 1 && c <= n");
    assertEquals(Status.PROVED, f.status(), f.toString());
  }

  @Test
  void aDeltaThatMayFallOutsideTheRangeIsNotSifted() {
    Finding f = check("Sum(KroneckerDelta(i, c), {i, 1, n})", "1",
        "Element(n, Integers) && n >= 1 && Element(c, Integers) && c >= 1");
    assertEquals(Status.REFUTED, f.status(), f.toString());
  }
}
