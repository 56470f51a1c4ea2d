package stepwise.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import stepwise.cas.Cas;
import stepwise.derive.AutoSteps;
import stepwise.load.CatalogueLoader;
import stepwise.model.Derivation;
import stepwise.pipeline.Pipeline;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/**
 * Warm, in-process timings (JMH) of the search of stepwise derive on the article's two roads to
 * binary cross-entropy, with their steps removed (src/test/resources/goals/from-derivations):
 * the search alone (every candidate verified as it is taken), not the final check of the
 * written file. Each run must find its chain; a run that does not fails the benchmark.
 * Command in the README (Speed, In-process).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeriveBenchmark {
  private static final Duration BUDGET = Duration.ofSeconds(120);
  private Catalogue catalogue;
  private Derivation roadA;
  private Derivation roadB;

  @Setup
  public void setUp() {
    Cas.warmUp();
    catalogue = CatalogueLoader.builtIn();
    Pipeline pipeline = new Pipeline(catalogue, Settings.DEFAULT);
    Path goals = Path.of("src/test/resources/goals/from-derivations");
    roadA = pipeline.load(List.of(goals.resolve("bce-from-likelihood.yaml"))).get(0);
    roadB = pipeline.load(List.of(goals.resolve("bce-from-kl.yaml"))).get(0);
  }

  private AutoSteps.Filled derive(Derivation d) {
    AutoSteps.Filled filled = AutoSteps.fill(d, d.start().expr(), catalogue, Settings.DEFAULT, BUDGET);
    if (!filled.results().get(0).found()) {
      throw new IllegalStateException(d.id() + ": " + filled.results().get(0).message());
    }
    return filled;
  }

  /** Road A: the Bernoulli likelihood, -log, the log laws (2 steps found). */
  @Benchmark
  public AutoSteps.Filled searchRoadA() {
    return derive(roadA);
  }

  /** Road B: cross-entropy from the KL divergence, dropping what does not depend on Q (≃ over Q). */
  @Benchmark
  public AutoSteps.Filled searchRoadB() {
    return derive(roadB);
  }
}
