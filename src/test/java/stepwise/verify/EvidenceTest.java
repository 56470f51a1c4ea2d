package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one decision: agreement in doubles confirms only when the high-precision guard finished. */
class EvidenceTest {
  private static NumericResult agreed(int points) {
    return new NumericResult(points, 0, 1e-16, null, null, List.of(), false);
  }

  @Test
  void agreementInDoublesWithAFinishedPreciseRecheckConfirms() {
    Evidence e = new Evidence("a = b");
    e.sampled = agreed(200);
    e.precise = agreed(6);
    assertEquals(Status.CONFIRMED, e.decide(200, "the two sides differ").status());
  }

  @Test
  void aPreciseRecheckCutShortByTheTimeLimitLeavesItUnknown() {
    Evidence e = new Evidence("a = b");
    e.sampled = agreed(200);
    e.precise = new NumericResult(1, 0, 0, null, Checks.OUT_OF_TIME + " (5 s) after 1 of 6 points", List.of(), false);
    Finding f = e.decide(200, "the two sides differ");
    assertEquals(Status.UNKNOWN, f.status());
    assertTrue(f.reason().contains("ran out of time after 1 point(s)"), f.reason());
  }
}
