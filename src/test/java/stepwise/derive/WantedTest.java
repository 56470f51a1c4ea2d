package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import stepwise.model.Relation;

/** Which composed relations give what a goal asks for, and which steps a chain toward it may take. */
class WantedTest {
  private static Relation.Monotone monotone(boolean increasing, String... over) {
    return new Relation.Monotone(increasing, "f", Set.of(over));
  }

  @Test
  void anIncreasingGoalTakesIncreasingTransformsAndTheIdentityOnly() {
    Wanted up = new Wanted("↗", List.of());
    assertTrue(up.satisfiedBy(Relation.EQUAL));
    assertTrue(up.satisfiedBy(monotone(true)));
    assertFalse(up.satisfiedBy(monotone(false)));
    assertFalse(up.satisfiedBy(monotone(true, "w"))); // only for fixed values of the others: weaker than asked
    assertFalse(up.satisfiedBy(new Relation.UpToConstant(Set.of("w"))));
    assertFalse(up.allowsStep(Relation.GREATER_EQUAL));
    assertFalse(up.allowsDrop());
    assertFalse(up.allowsSpecialising());
    assertTrue(up.allowsTransforms());
    assertFalse(new Wanted(">=", List.of()).allowsSpecialising()); // one special case is not the bound
    assertTrue(new Wanted("≃", List.of("Q")).allowsSpecialising());
  }

  @Test
  void aDecreasingGoalInOneVariableTakesDropsInIt() {
    Wanted down = new Wanted("↘", List.of("w"));
    assertTrue(down.satisfiedBy(monotone(false, "w")));
    assertTrue(down.satisfiedBy(monotone(false)));
    assertFalse(down.satisfiedBy(monotone(false, "s")));
    assertFalse(down.satisfiedBy(monotone(true, "w")));
    assertTrue(down.allowsDrop());
    assertTrue(down.allowsStep(new Relation.UpToConstant(Set.of("w"))));
    assertFalse(down.allowsStep(new Relation.UpToConstant(Set.of("s"))));
    assertTrue(down.dropVariables().equals(List.of("w")));
  }

  @Test
  void aDerivativeGoalTakesOneFirstDerivativeInItsVariable() {
    Wanted d = new Wanted("derivative", List.of("z(k)"));
    assertTrue(d.satisfiedBy(new Relation.Derived("derivative in z(k)", Set.of("z"))));
    assertFalse(d.satisfiedBy(new Relation.Derived("second derivative in z(k)", Set.of("z"))));
    assertFalse(d.satisfiedBy(new Relation.Derived("derivative in z(k), then equal up to a term", Set.of("z"))));
    assertFalse(d.satisfiedBy(Relation.EQUAL));
    assertTrue(d.allowsStep(new Relation.UpToConstant(Set.of("z")))); // a term free of z goes before differentiating
    assertTrue(d.allowsDerivativeIn("z(k)", false));
    assertFalse(d.allowsDerivativeIn("z(k)", true));
    assertFalse(d.allowsDerivativeIn("y", false));
    assertFalse(d.allowsTransforms());
    assertTrue(new Wanted("stationary", List.of("v")).satisfiedBy(new Relation.Derived("stationary point in v (a minimum)",
        Set.of("v"))));
  }
}
