package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.expr.ExprPrinter;
import stepwise.load.CatalogueLoader;
import stepwise.model.Derivation;
import stepwise.pipeline.Pipeline;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/**
 * The same input gives the same chain on a slow machine: with a first time limit of 1 ms per
 * check (every check that is not instant runs out of it, as on a machine many times slower),
 * the timed-out checks are run again with the rest of the budget instead of refusing the
 * state, so the search takes the same states in the same order and returns the same chain.
 */
class SearchDeterminismTest {
  private static final Path GOALS = Path.of("src/test/resources/goals");

  private static String chain(Search.Result r) {
    StringBuilder b = new StringBuilder(r.found() + ":");
    for (Search.Step s : r.steps()) {
      b.append(' ').append(s.rule()).append(s.params()).append(" -> ").append(ExprPrinter.print(s.after()));
    }
    return b.toString();
  }

  @Test
  void aSlowedVerifierGivesTheSameChain() {
    Catalogue catalogue = CatalogueLoader.builtIn();
    Settings usual = new Settings(200, Duration.ofSeconds(15), Settings.DEFAULT.seed());
    Settings slowed = new Settings(200, Duration.ofMillis(1), Settings.DEFAULT.seed());
    for (String name : List.of("from-derivations/bce-from-likelihood.yaml", "drop-entropy.yaml")) {
      Derivation d = new Pipeline(catalogue, usual).load(List.of(GOALS.resolve(name))).get(0);
      Search.Result normal = AutoSteps.fill(d, d.start().expr(), catalogue, usual, Duration.ofSeconds(120)).results().get(0);
      Search.Result slow = AutoSteps.fill(d, d.start().expr(), catalogue, slowed, Duration.ofSeconds(120)).results().get(0);
      assertTrue(normal.found(), name + ": " + normal.message());
      assertEquals(chain(normal), chain(slow), name);
      assertTrue(slow.retried() > 0, name + ": no check ran out of its 1 ms"); // the slow path really ran
    }
  }
}
