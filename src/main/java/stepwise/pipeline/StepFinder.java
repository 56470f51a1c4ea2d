package stepwise.pipeline;

import java.util.ServiceLoader;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Derivation;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/**
 * Fills a derivation's "rule: auto" steps (and its goal:) before the pipeline rewrites it. The
 * search lives in stepwise.derive, a stage above this one (it checks its candidates through
 * this package), so it is found as a service rather than called: the pipeline never depends on
 * it. Without a provider the auto steps stay unfilled, and the check reports them unknown.
 */
public interface StepFinder {
  /** The derivation with its auto steps filled; one without auto steps comes back as it is. */
  Derivation fill(Derivation d, IExpr start, Catalogue catalogue, Settings settings);

  /** The installed finder, or one that fills nothing. */
  static StepFinder installed() {
    return Installed.FINDER;
  }

  /** Looked up once, on first use. */
  final class Installed {
    private static final StepFinder FINDER = ServiceLoader.load(StepFinder.class).findFirst()
        .orElse((d, start, catalogue, settings) -> d);

    private Installed() {}
  }
}
