package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.expr.Trees;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * The laws added for issue 13's missing proofs, each proved only where its side condition
 * holds: roots of Pythagorean radicands on the branch where the root is the function itself,
 * sums read backwards, the binomial theorem, and the Gamma reflection formula. The symbolic
 * prover is asked directly (as the verifier asks it), under a short deadline, so that each
 * proof is shown to be cheap; a wrong branch or an off-by-one range must never be proved.
 */
class BranchAndSumLawsTest {
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(),
      new Settings(Settings.DEFAULT.samples(), Duration.ofSeconds(20), Settings.DEFAULT.seed()));

  private Optional<String> proof(String left, String right, String assumptions) {
    Equivalence.Question q = equivalence.parse(left, right, assumptions, Source.of(null));
    IExpr d = Trees.plus(q.left(), Trees.negate(q.right()));
    SymbolicProver prover = new SymbolicProver(Fixtures.catalogue(), q.domains(), Duration.ofSeconds(3));
    return (SpecialForms.applies(d) ? prover.withSpecialFunctions() : prover).proveZero(d, List.of());
  }

  @Test
  void aPythagoreanRootIsTheFunctionOnItsBranch() {
    Optional<String> p = proof("Sqrt(1 - Sin(x)^2)", "Cos(x)", "-Pi/2 <= x <= Pi/2");
    assertTrue(p.isPresent() && p.get().contains("radicand"), p.toString());
    assertTrue(proof("Sqrt(1 - Sin(x)^2)", "Cos(x)", "3*Pi/2 <= x <= 5*Pi/2").isPresent(), "a period later");
    assertTrue(proof("Sqrt(1 - Sin(x)^2)", "-Cos(x)", "Pi/2 <= x <= 3*Pi/2").isPresent(), "the other branch");
    assertTrue(proof("Sqrt(Cosh(x)^2 - 1)", "-Sinh(x)", "x <= 0").isPresent(), "hyperbolic, negative branch");
  }

  @Test
  void aRootOnTheWrongBranchIsNeverProved() {
    assertTrue(proof("Sqrt(1 - Sin(x)^2)", "Cos(x)", "Pi/2 <= x <= 3*Pi/2").isEmpty());
    assertTrue(proof("Sqrt(1 - Sin(x)^2)", "Cos(x)", "-Pi <= x <= Pi").isEmpty());
    assertTrue(proof("Sqrt(Cosh(x)^2 - 1)", "Sinh(x)", "Element(x, Reals)").isEmpty());
    Finding f = equivalence.check(equivalence.parse("Sqrt(1 - Sin(x)^2)", "Cos(x)", "Pi/2 <= x <= 3*Pi/2",
        Source.of(null)));
    assertEquals(Status.REFUTED, f.status(), f.toString());
  }

  @Test
  void aSumReadBackwardsIsTheSameSum() {
    String n = "Element(n, Integers) && n >= 0";
    assertTrue(proof("Sum(f(n - k), {k, 0, n})", "Sum(f(k), {k, 0, n})", n).isPresent());
    assertTrue(proof("Sum(k*f(n - k), {k, 0, n})", "Sum((n - k)*f(k), {k, 0, n})", n).isPresent());
    assertTrue(proof("Sum(f(n - k), {k, 0, n})", "Sum(f(k), {k, 1, n})", n).isEmpty(), "one term too few");
    assertTrue(proof("Sum(k*f(n - k), {k, 0, n})", "Sum(k*f(k), {k, 0, n})", n).isEmpty());
  }

  @Test
  void theBinomialTheoremNeedsANonNegativeIntegerPower() {
    String n = "Element(n, Integers) && n >= 0";
    Optional<String> p = proof("Sum(Binomial(n, k)*x^k, {k, 0, n})", "(1 + x)^n", n + " && Element(x, Reals)");
    assertTrue(p.isPresent() && p.get().contains("binomial theorem"), p.toString());
    assertTrue(proof("Sum(Binomial(n, k)*a^k*b^(n - k), {k, 0, n})", "(a + b)^n", n + " && a > 0 && b > 0").isPresent());
    assertTrue(proof("Sum((-1)^k*Binomial(n, k), {k, 0, n})", "0", "Element(n, Integers) && n >= 1").isPresent());
    assertTrue(proof("Sum((-1)^k*Binomial(n, k), {k, 0, n})", "0", n).isEmpty(), "1 at n = 0");
    assertTrue(proof("Sum(Binomial(n, k)*x^k, {k, 1, n})", "(1 + x)^n", n).isEmpty(), "the k = 0 term is missing");
    assertTrue(proof("Sum(Binomial(n, k)*x^k, {k, 0, n})", "(1 + x)^n", "n >= 0").isEmpty(), "n not an integer");
  }

  @Test
  void theReflectionFormulaIsProvedQuickly() {
    long start = System.nanoTime();
    assertTrue(proof("Gamma(1 - x)*Gamma(1 + x)", "Pi*x/Sin(Pi*x)", "0 < x < 1").isPresent());
    assertTrue(proof("Gamma(x)*Gamma(1 - x)", "Pi/Sin(Pi*x)", "0 < x < 1").isPresent());
    assertTrue(System.nanoTime() - start < 6_000_000_000L, "two symbolic proofs took over 6 s");
  }
}
