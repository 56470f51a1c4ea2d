package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * Series that no proof sums are confirmed only with a proved tail bound (a ratio below 1 or
 * terms below C/k^d, d >= 2), refuted when the partial sum is further from the claim than the
 * bound allows, and otherwise unknown. Each check gets 20 s so a busy machine does not cut the
 * partial sums short.
 */
class SeriesBoundsTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(),
      new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(20), Settings.DEFAULT.seed()));

  private Finding check(String left, String right) {
    return equivalence.check(equivalence.parse(left, right, "True", Source.of(null)));
  }

  @Test
  void aSeriesWithARatioBoundIsConfirmedAndItsBoundIsStated() {
    // 1/(k! + 1) <= 1/k!, whose consecutive terms have a ratio of at most 1/2 from k = 1 on
    Finding f = check("Sum(1/(k! + 1), {k, 0, Infinity})", "Sum(1/(k! + 1), {k, 2, Infinity}) + 1");
    assertEquals(Status.CONFIRMED, f.status(), f.toString());
    assertTrue(f.method().contains("tail bound") && f.method().contains("ratio of consecutive terms"), f.method());
  }

  @Test
  void aSeriesWithAPowerBoundIsConfirmedWhenTheBoundIsTight() {
    Finding f = check("Sum((-1)^k/(k^4 + 1), {k, 0, Infinity})", "Sum((-1)^k/(k^4 + 1), {k, 1, Infinity}) + 1");
    assertEquals(Status.CONFIRMED, f.status(), f.toString());
    assertTrue(f.method().contains("/k^4"), f.method());
  }

  @Test
  void aClaimOutsideTheTailBoundIsRefuted() {
    // the series is 1.5260681344733...: 1.5260681 is off by 3.4e-8, far beyond a tail bound near 1e-15
    Finding f = check("Sum(1/(k! + 1), {k, 0, Infinity})", "15260681/10000000");
    assertEquals(Status.REFUTED, f.status(), f.toString());
    assertTrue(f.reason().contains("no tail within the bounds"), f.reason());
    Finding power = check("Sum(1/(k^3 + 1), {k, 1, Infinity})", "6865/10000");
    assertEquals(Status.REFUTED, power.status(), power.toString());
  }

  @Test
  void aClaimWithinALooseBoundStaysUnknown() {
    // terms like 1/k^3 leave a tail near 1e-7 after 2000 terms: too loose to confirm, too close to refute
    Finding f = check("Sum(1/(k^3 + 1), {k, 1, Infinity})", "686503342/1000000000");
    assertEquals(Status.UNKNOWN, f.status(), f.toString());
    assertTrue(f.reason().contains("too loose"), f.reason());
  }

  @Test
  void noBoundNoConfirmation() {
    // 1/(k^2 + Sin(k)): its denominator is not a sum of positive terms, so no majorant is established
    Finding f = check("Sum(1/(k^2 + Sin(k)), {k, 1, Infinity})", "16/10");
    assertEquals(Status.UNKNOWN, f.status(), f.toString());
    Finding divergent = check("Sum(1/k, {k, 1, Infinity})", "100");
    assertEquals(Status.UNKNOWN, divergent.status(), divergent.toString());
  }
}
