package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matheclipse.core.expression.ApfloatNum;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.model.Relation;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * Statements that fail only at special points (0, bounds, negative reals on a branch cut) are
 * refuted there; statements that hold are not refuted at points where arithmetic runs out of
 * precision (huge complex arguments, values that underflow).
 */
class SamplingEdgesTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(), Fixtures.SETTINGS);
  private final Verifier verifier = Fixtures.verifier();

  private Finding order(String left, Relation.Op op, String right, String assume) {
    var q = equivalence.parse(left, right, assume, Source.of(null));
    return verifier.order("claim", q.left(), op, q.right(), q.domains(), null);
  }

  @ParameterizedTest(name = "{0} {1} {2} under {3}")
  @CsvSource(delimiter = '|', value = {
      "12*a^2 - 1/500 | GE | 0 | Element(a, Reals)",
      "x^2            | GT | 0 | Element(x, Reals)",
      "Sign(x)        | EQ | 1 | x >= 0",
  })
  void statementsThatFailOnlyAtZeroAreRefutedThere(String left, Relation.Op op, String right, String assume) {
    Finding f = op == Relation.Op.EQ
        ? equivalence.check(equivalence.parse(left, right, assume, Source.of(null)))
        : order(left, op, right, assume);
    assertEquals(Status.REFUTED, f.status(), f.toString());
    assertNotNull(f.counterexample(), f.toString());
    assertTrue(f.counterexample().point().values().stream().anyMatch(v -> v.equals("0")),
        "the counterexample is the special point 0: " + f.counterexample());
  }

  @Test
  void cubeRootsDoNotSplitOverNegativeReals() {
    Finding f = equivalence.check(equivalence.parse("(x*y)^(1/3)", "x^(1/3)*y^(1/3)", "x < 0 && y < 0",
        Source.of(null)));
    assertEquals(Status.REFUTED, f.status(), f.toString());
    Finding positive = equivalence.check(equivalence.parse("(x*y)^(1/3)", "x^(1/3)*y^(1/3)", "x > 0 && y > 0",
        Source.of(null)));
    assertTrue(positive.status().holds(), positive.toString());
  }

  @Test
  void logSumExpExceedsTheLargerArgumentEvenWhereTheGapUnderflows() {
    Finding f = order("Log(Exp(a) + Exp(b)) - a", Relation.Op.GT, "0", "Element(a, Reals) && Element(b, Reals)");
    assertNotEquals(Status.REFUTED, f.status(), f.toString());
  }

  @Test
  void pythagorasIsNotRefutedNumericallyAtHugeComplexPoints() {
    var q = equivalence.parse("Sin(z)^2 + Cos(z)^2", "1", "True", Source.of(null));
    NumericResult r = new Checks(q.domains(), 200, Settings.DEFAULT.seed()).equal(q.left(), q.right(), List.of());
    assertNull(r.counterexample(), String.valueOf(r.counterexample()));
    assertTrue(r.confirms(200), "confirmed at " + r.points() + " points: " + r.problem());
  }

  @Test
  void logOfAHighPrecisionNumberIsFast() {
    IExpr x = ApfloatNum.valueOf(new Apfloat(new java.math.BigDecimal("0.123456789012345678901234567890"), 90));
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      Cas.numeric(F.Log(F.Plus(x, F.ZZ(i))), 70);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5_000, "20 logs at 70 digits took " + millis + " ms");
  }

  @Test
  void exponentialsOfHugeArgumentsStayWithinReach() {
    Finding f = equivalence.check(equivalence.parse("Exp(x)*Exp(-x)", "1", "x > 0", Source.of(null)));
    assertTrue(f.status().holds(), f.toString());
    Finding tiny = order("Exp(-x^2)", Relation.Op.GT, "0", "x > 100");
    assertNotEquals(Status.REFUTED, tiny.status(), tiny.toString());
  }
}
