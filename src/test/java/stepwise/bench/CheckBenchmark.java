package stepwise.bench;

import java.nio.file.Path;
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
import stepwise.load.CatalogueLoader;
import stepwise.model.Derivation;
import stepwise.pipeline.Equivalence;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;

/**
 * Warm, in-process timings (JMH): checking the article's two roads (rewrite and verify every
 * step, 200 samples per check, and the claim), and one equiv question. Run it with the command
 * in the README (Speed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckBenchmark {
  private Pipeline pipeline;
  private List<Derivation> roads;
  private Equivalence equivalence;
  private Equivalence.Question bernoulli;

  @Setup
  public void setUp() {
    Cas.warmUp();
    Catalogue catalogue = CatalogueLoader.builtIn();
    pipeline = new Pipeline(catalogue, Settings.DEFAULT);
    roads = pipeline.load(List.of(Path.of("derivations/bce-from-likelihood.yaml"), Path.of("derivations/bce-from-kl.yaml")));
    equivalence = new Equivalence(catalogue, Settings.DEFAULT);
    bernoulli = equivalence.parse("-Log(p^y*(1 - p)^(1 - y))", "-(y*Log(p) + (1 - y)*Log(1 - p))",
        "0 < p < 1 && (y == 0 || y == 1)", null);
  }

  @Benchmark
  public Report checkBothRoads() {
    return pipeline.check(roads);
  }

  @Benchmark
  public Finding equivBernoulliLogLikelihood() {
    return equivalence.check(bernoulli);
  }
}
