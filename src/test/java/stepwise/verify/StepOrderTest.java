package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Assumptions;
import stepwise.model.Domains;

/**
 * A derivation's step or claim (Verifier.equal) is checked in the order of a free-standing
 * question (Verifier.equivalent): a 20-point spot check, the provers under a fifth of the time,
 * then the full sampling. A step keeps its full sampling after a proof; a question does not.
 */
class StepOrderTest {
  @Test
  void aProvedStepIsStillSampledInFullAndAProvedQuestionIsNot() {
    Verifier verifier = Fixtures.verifier();
    Finding step = verifier.equal("step", Fixtures.parse("x^2 - 1"), Fixtures.parse("(x - 1)*(x + 1)"), Domains.NONE,
        List.of(), null);
    assertEquals(Status.PROVED, step.status(), step.toString());
    assertTrue(step.samples() >= 100, "a step is also checked at 100+ points: " + step);
    Finding question = verifier.equivalent("pair", Fixtures.parse("x^2 - 1"), Fixtures.parse("(x - 1)*(x + 1)"),
        Domains.NONE);
    assertEquals(Status.PROVED, question.status(), question.toString());
    assertEquals(Verifier.SPOT_POINTS, question.samples(), question.toString());
  }

  @Test
  void aFalseStepIsRefutedByTheSpotCheckBeforeAnyProof() {
    Finding step = Fixtures.verifier().equal("step", Fixtures.parse("(x + 1)^2"), Fixtures.parse("x^2 + 1"),
        Domains.NONE, List.of(), null);
    assertEquals(Status.REFUTED, step.status(), step.toString());
  }

  /**
   * The reflection formula on 0 < x < 1: Gamma near the ends of the interval makes its sampling
   * slow, the provers show it at once. Sampling first left such a step unknown at its time limit
   * on a loaded machine; now the proof comes first and stands whatever the sampling does after.
   */
  @Test
  void aSlowSamplingDoesNotHideAProof() {
    Verifier verifier = new Verifier(Fixtures.catalogue(),
        new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(20), Settings.DEFAULT.seed()));
    Domains unit = Assumptions.toDomains(Fixtures.parse("0 < x < 1"), Domains.NONE);
    Finding step = verifier.equal("reflection", Fixtures.parse("Gamma(x)*Gamma(1 - x)"), Fixtures.parse("Pi/Sin(Pi*x)"),
        unit, List.of(), null);
    assertEquals(Status.PROVED, step.status(), step.toString());
  }
}
