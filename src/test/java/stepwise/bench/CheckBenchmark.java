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
import stepwise.pipeline.VerdictCache;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;

/**
 * Warm, in-process timings (JMH): checking the article's two roads (rewrite and verify every
 * step, 200 samples per check, and the claim), the same with every verdict in check --watch's
 * cache (what a save that changed no step costs), and one equiv question. Run it with the command
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
  private Pipeline watching;
  private List<Path> roadFiles;

  @Setup
  public void setUp() {
    Cas.warmUp();
    Catalogue catalogue = CatalogueLoader.builtIn();
    pipeline = new Pipeline(catalogue, Settings.DEFAULT);
    roadFiles = List.of(Path.of("derivations/bce-from-likelihood.yaml"), Path.of("derivations/bce-from-kl.yaml"));
    roads = pipeline.load(roadFiles);
    watching = new Pipeline(catalogue, Settings.DEFAULT, new VerdictCache());
    watching.check(watching.load(roadFiles)); // every verdict now in the cache
    equivalence = new Equivalence(catalogue, Settings.DEFAULT);
    bernoulli = equivalence.parse("-Log(p^y*(1 - p)^(1 - y))", "-(y*Log(p) + (1 - y)*Log(1 - p))",
        "0 < p < 1 && (y == 0 || y == 1)", null);
  }

  @Benchmark
  public Report checkBothRoads() {
    return pipeline.check(roads);
  }

  /** What check --watch does after a save that changed no step: load, rewrite, verdicts from the cache. */
  @Benchmark
  public Report recheckUnchangedRoads() {
    return watching.check(watching.load(roadFiles));
  }

  @Benchmark
  public Finding equivBernoulliLogLikelihood() {
    return equivalence.check(bernoulli);
  }
}
