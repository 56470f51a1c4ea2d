package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Derivation;
import stepwise.render.JsonReport;
import stepwise.render.TextReport;
import stepwise.verify.Settings;

/** Steps verified on two threads give the one-thread report, byte for byte, in the same order. */
class ParallelCheckTest {
  // time enough that no check of these files meets its limit on a loaded machine: verdicts then do not depend on speed
  private static final Settings SETTINGS = new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(120),
      Settings.DEFAULT.seed());

  @Test
  void twoThreadsPrintWhatOneThreadPrints() {
    // the two roads (a claim between files) and recorded slips (refuted steps, counterexamples)
    List<Path> files = Inputs.files(List.of(Path.of("derivations/bce-from-likelihood.yaml"),
        Path.of("derivations/bce-from-kl.yaml"), Path.of("derivations/slips/lost-minus-sign.yaml"),
        Path.of("derivations/slips/log-convex.yaml")));
    int helpedBefore = Pipeline.stepsVerifiedByHelpers();
    String[] serial = printed(new Pipeline(Fixtures.catalogue(), SETTINGS), files);
    String[] parallel = printed(new Pipeline(Fixtures.catalogue(), SETTINGS).onThreads(2), files);
    assertTrue(serial[0].contains("refuted"), "the files include refuted steps: " + serial[0]);
    assertEquals(serial[0], parallel[0]);
    assertEquals(serial[1], parallel[1]);
    assertTrue(Pipeline.stepsVerifiedByHelpers() > helpedBefore, "the second thread verified some of the steps");
  }

  private static String[] printed(Pipeline pipeline, List<Path> files) {
    List<Derivation> derivations = pipeline.load(files);
    Report report = pipeline.check(derivations);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    TextReport.print(report, new PrintStream(text, true, StandardCharsets.UTF_8));
    return new String[] {text.toString(StandardCharsets.UTF_8), JsonReport.of(report)};
  }
}
