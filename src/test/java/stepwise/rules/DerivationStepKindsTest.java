package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.expr.ExprPrinter;
import stepwise.pipeline.DerivationResult;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/**
 * The step kinds that statistics and ML derivations need: algebra steps, the derivative in one
 * entry of a family, stationary points, substituting a whole family. Each is shown right on a
 * small derivation and wrong on a variant that must be refuted or refused.
 */
class DerivationStepKindsTest {
  @TempDir
  Path dir;

  private DerivationResult run(String yaml) {
    Path file = DerivationFiles.write(dir, "d.yaml", yaml);
    return Fixtures.check(file).derivations().get(0);
  }

  private static StepVerdict step(DerivationResult d, int number) {
    return d.verdicts().get(number - 1);
  }

  @Test
  void anAlgebraStepIsProvedWhenRightAndRefutedWhenWrong() {
    String yaml = """
        symbols: {N: positive integer, s: positive}
        start: -N*(-1/2)*Log(2*Pi*s^2)
        steps:
          - by: algebra
            expect: %s
        """;
    DerivationResult right = run(yaml.formatted("N/2*Log(2*Pi*s^2)"));
    assertEquals(Status.PROVED, step(right, 1).status(), step(right, 1).summary());
    assertEquals("N/2*Log(2*Pi*s^2)", ExprPrinter.print(right.rewritten().end()));
    DerivationResult wrong = run(yaml.formatted("N*Log(2*Pi*s^2)"));
    assertEquals(Status.REFUTED, step(wrong, 1).status());
    assertNotNull(step(wrong, 1).findings().stream().filter(f -> f.counterexample() != null).findFirst().orElse(null));
  }

  @Test
  void anAlgebraStepNeedsItsTargetAndOneRule() {
    RuntimeException missing = assertThrows(stepwise.pipeline.InputErrors.class, () -> run("""
        symbols: {x: real}
        start: x + x
        steps:
          - by: algebra
        """));
    assertTrue(missing.getMessage().contains("needs expect:"), missing.getMessage());
    RuntimeException both = assertThrows(stepwise.pipeline.InputErrors.class, () -> run("""
        symbols: {x: real}
        start: x + x
        steps:
          - by: algebra
            rule: algebra
            expect: 2*x
        """));
    assertTrue(both.getMessage().contains("both rule: and by:"), both.getMessage());
  }

  @Test
  void arithmeticAndCollectingLikeTerms() {
    DerivationResult d = run("""
        symbols: {x: real, a: real}
        start: (1 - 0)*x^1 + 2*3*x + a*x
        steps:
          - rule: arithmetic
            expect: x + 6*x + a*x
          - rule: collect
            in: x
            expect: (7 + a)*x
        """);
    assertEquals(Status.PROVED, step(d, 1).status(), step(d, 1).summary());
    assertTrue(step(d, 2).status().holds(), step(d, 2).summary());
    assertTrue(d.passes());
  }

  @Test
  void theDerivativeInOneEntryHoldsForEverySize() {
    String yaml = """
        symbols:
          n: positive integer
          k: positive integer
          x: {domain: positive, index: i, range: 1..n}
        constraints: [k <= n]
        start: Sum(Log(x(i)) + x(i)^2, {i, 1, n})
        steps:
          - rule: derivative
            in: x(k)
            expect: %s
        """;
    DerivationResult right = run(yaml.formatted("1/x(k) + 2*x(k)"));
    assertEquals(Status.PROVED, step(right, 1).status(), step(right, 1).summary());
    assertEquals("→", right.rewritten().relation().symbol());
    DerivationResult wrong = run(yaml.formatted("1/x(k) + 2*x(k)*n"));
    assertEquals(Status.REFUTED, step(wrong, 1).status());
  }

  @Test
  void anEntryMetUnderAnotherIndexIsRefusedRatherThanGuessed() {
    DerivationResult d = run("""
        symbols:
          n: positive integer
          k: positive integer
          x: {domain: positive, index: i, range: 1..n}
        constraints: [k <= n]
        start: Sum(x(i)*x(1), {i, 1, n})
        steps:
          - rule: derivative
            in: x(k)
        """);
    assertEquals(Status.UNKNOWN, step(d, 1).status());
    assertTrue(step(d, 1).summary().contains("other than as x(i)"), step(d, 1).summary());
  }

  @Test
  void aStationaryPointIsCheckedBySubstitutingBack() {
    String yaml = """
        symbols: {x: real, a: real}
        start: (x - a)^2 + 1
        steps:
          - rule: stationary-point
            in: x
            %s
            second-order: minimum
        """;
    DerivationResult solved = run(yaml.formatted("expect: x == a"));
    assertEquals(Status.PROVED, step(solved, 1).status(), step(solved, 1).summary());
    assertEquals("x == a", ExprPrinter.print(solved.rewritten().end()));
    DerivationResult wrong = run(yaml.formatted("solution: 2*a"));
    assertEquals(Status.REFUTED, step(wrong, 1).status());
    assertTrue(step(wrong, 1).summary().contains("the derivative is 0"), step(wrong, 1).summary());
  }

  @Test
  void aWholeFamilyIsSubstitutedAndItsTotalChecked() {
    String yaml = """
        symbols:
          n: positive integer
          P: {domain: distribution, index: i, range: 1..n}
          U: {domain: distribution, index: i, range: 1..n}
        start: Sum(P(i)*Log(P(i)/U(i)), {i, 1, n})
        steps:
          - rule: substitute
            with: {U(i): %s}
        """;
    DerivationResult uniform = run(yaml.formatted("1/n"));
    assertEquals(Status.PROVED, step(uniform, 1).status(), step(uniform, 1).summary());
    assertEquals("Sum(P(i)*Log(P(i)/(1/n)), {i, 1, n})", ExprPrinter.print(uniform.rewritten().end()));
    DerivationResult notADistribution = run(yaml.formatted("1/(n + 1)"));
    assertEquals(Status.REFUTED, step(notADistribution, 1).status());
  }

  @Test
  void aLikelihoodProductIsPositiveSoItsNegativeLogIsAValidFirstStep() {
    DerivationResult d = run("""
        symbols:
          n: positive integer
          y: {domain: "{0,1}", index: i, range: 1..n}
          p: probability
        start: Product(p^y(i)*(1 - p)^(1 - y(i)), {i, 1, n})
        steps:
          - rule: neg-log
          - rule: log-of-product-over-index
          - rule: bernoulli-log-density
          - rule: split-sum
        """);
    assertEquals(Status.PROVED, step(d, 1).status(), step(d, 1).summary());
    assertEquals(Status.PROVED, step(d, 2).status(), step(d, 2).summary());
    assertTrue(d.passes(), () -> d.verdicts().toString());
  }

  @Test
  void convexityInTwoVariablesIsProvedFromTheHessianAndRefutedByAChord() {
    var report = Fixtures.check(DerivationFiles.write(dir, "c.yaml", """
        symbols: {x: real, y: real}
        claims:
          - name: quadratic-form-convex
            left: x^2 + x*y + y^2
            relation: convex
            variables: [x, y]
          - name: saddle-not-convex
            left: x*y
            relation: convex
            variables: [x, y]
            expect: fails
        """));
    var quadratic = report.claims().get(0);
    assertEquals(Status.PROVED, quadratic.finding().status(), quadratic.finding().reason());
    assertTrue(quadratic.finding().method().contains("Hessian"), quadratic.finding().method());
    var saddle = report.claims().get(1);
    assertEquals(Status.REFUTED, saddle.finding().status());
    assertNotNull(saddle.finding().counterexample());
  }
}
