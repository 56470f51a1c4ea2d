package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.expr.UserSymbols;
import stepwise.model.Domains;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * Arbitrary functions at real and complex arguments are sampled as one random smooth function
 * per name: identities that hold for every F hold at the samples (equal arguments, even equal
 * only after evaluation, give equal values), false ones are refuted at a certified point and
 * the verdict states the function drawn. 20 s per check, for a loaded machine.
 */
class RandomFunctionsTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(),
      new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(20), Settings.DEFAULT.seed()));

  private Finding check(String left, String right, String assume) {
    return equivalence.check(equivalence.parse(left, right, assume, Source.of(null)));
  }

  @Test
  void identitiesForEveryFunctionHoldAtTheSamples() {
    for (String[] pair : List.of(new String[] {"F(x + 1 - 1)", "F(x)"}, new String[] {"F(x)*F(y)", "F(y)*F(x)"},
        new String[] {"D(F(x)^2, x)", "2*F(x)*D(F(x), x)"})) {
      Finding f = check(pair[0], pair[1], "True");
      assertTrue(f.status().holds(), f.toString());
      assertTrue(f.samples() >= 20, "sampled with F drawn at random, not skipped: " + f);
    }
  }

  @Test
  void falseIdentitiesAreRefutedWithTheFunctionStated() {
    for (String[] pair : List.of(new String[] {"F(2*x)", "2*F(x)"}, new String[] {"F(x + 2*Pi)", "F(x)"},
        new String[] {"F(-x)", "F(x)"}, new String[] {"D(F(x)^2, x)", "F(x)*D(F(x), x)"})) {
      Finding f = check(pair[0], pair[1], "Element(x, Reals)");
      assertEquals(Status.REFUTED, f.status(), f.toString());
      assertTrue(f.reason().contains("random smooth one: F(t) = "), f.reason());
    }
  }

  @Test
  void theSameNameGivesTheSameFunction() {
    IExpr first = RandomFunctions.formula(UserSymbols.named("F"), 1, List.of(UserSymbols.named("t")));
    IExpr again = RandomFunctions.formula(UserSymbols.named("F"), 1, List.of(UserSymbols.named("t")));
    IExpr other = RandomFunctions.formula(UserSymbols.named("G"), 1, List.of(UserSymbols.named("t")));
    assertEquals(first, again);
    assertTrue(!first.equals(other), first + " vs " + other);
    assertTrue(RandomFunctions.functions(first, Domains.NONE, java.util.Set.of()).isEmpty(), "the formula calls no arbitrary function: " + first);
  }
}
