package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Source;
import stepwise.verify.Counterexample;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;

/**
 * Equal and unequal pairs from public sources (log, exponent, power, sum, trigonometric and
 * probability identities, each with and without the assumptions it needs), in
 * src/test/resources/equiv/public-identities.tsv. Every verdict must be right, and every
 * counterexample must really separate the two sides when checked again independently.
 */
class EquivCorpusTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(), Fixtures.SETTINGS);

  @TestFactory
  Stream<DynamicTest> everyPairGetsTheRightVerdict() throws IOException {
    Path corpus = Path.of("src/test/resources/equiv/public-identities.tsv");
    List<DynamicTest> tests = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      int number = i + 1;
      tests.add(DynamicTest.dynamicTest(number + ": " + cells[0] + " vs " + cells[1] + " [" + cells[2] + "]",
          () -> check(cells, new Source(corpus, number, 0))));
    }
    assertTrue(tests.size() >= 150);
    return tests.stream();
  }

  private void check(String[] cells, Source where) {
    Equivalence.Question q = equivalence.parse(cells[0], cells[1], cells[2], where);
    Finding f = equivalence.check(q);
    if (cells[3].equals("equal")) {
      assertTrue(f.status().holds(), "should be equal: " + f);
    } else {
      assertEquals(Status.REFUTED, f.status(), "should be refuted: " + f);
      assertNotNull(f.counterexample());
      assertCounterexampleHolds(q, f.counterexample());
    }
  }

  /** Substitutes the reported point and evaluates both sides with Symja at 40 digits. */
  private static void assertCounterexampleHolds(Equivalence.Question q, Counterexample c) {
    Map<IExpr, IExpr> at = new HashMap<>();
    c.point().forEach((name, value) -> at.put(UserSymbols.named(name), Fixtures.parse(value)));
    IExpr difference = Trees.substitute(Trees.plus(q.left(), Trees.negate(q.right())), at);
    IExpr value = Cas.evaluate(Trees.node(S.N, difference, F.ZZ(40)));
    double magnitude = Cas.evaluate(Trees.node(S.Abs, value)).evalf();
    double scale = Math.max(Cas.evaluate(Trees.node(S.Abs, Trees.node(S.N, Trees.substitute(q.left(), at), F.ZZ(40)))).evalf(),
        Cas.evaluate(Trees.node(S.Abs, Trees.node(S.N, Trees.substitute(q.right(), at), F.ZZ(40)))).evalf());
    assertTrue(magnitude > 1e-25 * Math.max(scale, 1e-300), "the counterexample " + c.describe()
        + " does not separate the sides (difference " + value + ")");
  }
}
