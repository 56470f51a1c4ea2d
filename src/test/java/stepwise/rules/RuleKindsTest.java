package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.expr.ExprPrinter;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Report;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/**
 * The rule kinds that are not plain rewrites, each checked for soundness on a small
 * derivation, with a wrong use that must be refuted or refused.
 */
class RuleKindsTest {
  @TempDir
  Path dir;

  private DerivationResult run(String yaml) {
    Path file = DerivationFiles.write(dir, "d.yaml", yaml);
    Report report = Fixtures.check(file);
    return report.derivations().get(0);
  }

  private static StepVerdict step(DerivationResult d, int number) {
    return d.verdicts().get(number - 1);
  }

  @Test
  void negativeLogIsADecreasingTransformOfAPositiveExpression() {
    DerivationResult d = run("""
        symbols: {p: "(0,1)"}
        start: p^2
        steps:
          - rule: neg-log
        """);
    assertEquals(Status.PROVED, step(d, 1).status());
    assertEquals("-Log(p^2)", ExprPrinter.print(d.rewritten().end()));
    assertTrue(d.rewritten().relation().describe().contains("decreasing"));
  }

  @Test
  void negativeLogOfSomethingThatCanBeNegativeIsRefused() {
    DerivationResult d = run("""
        symbols: {x: real}
        start: x - 1
        steps:
          - rule: neg-log
        """);
    StepVerdict v = step(d, 1);
    assertEquals(Status.REFUTED, v.status());
    assertTrue(v.summary().contains("rule refused"), v.summary());
    assertNotNull(v.findings().get(0).counterexample());
    assertTrue(!d.passes());
  }

  @Test
  void definitionsUnfoldAndFoldBackAndKlIsCrossEntropyMinusEntropy() {
    DerivationResult d = run("""
        symbols:
          n: positive integer
          P: {domain: distribution, index: i, range: 1..n}
          Q: {domain: distribution, index: i, range: 1..n}
        start: KL(P, Q)
        steps:
          - rule: unfold
          - rule: fold
            definition: kl-divergence
            expect: KL(P, Q)
        claims:
          - name: kl-split
            left: KL(P, Q)
            relation: "="
            right: H(P, Q) - H(P)
          - name: kl-not-the-other-way
            left: KL(P, Q)
            relation: "="
            right: H(P) - H(P, Q)
            expect: fails
        """);
    assertEquals(Status.PROVED, step(d, 1).status());
    assertEquals(Status.PROVED, step(d, 2).status());
    Report report = Fixtures.check(dir.resolve("d.yaml"));
    assertEquals(Status.PROVED, report.claims().get(0).finding().status());
    assertEquals(Status.REFUTED, report.claims().get(1).finding().status());
    assertNotNull(report.claims().get(1).finding().counterexample());
    assertTrue(report.passes());
  }

  @Test
  void expandingAFiniteSumIsExactAndDroppingATermIsNot() {
    DerivationResult d = run("""
        symbols:
          x: {domain: real, index: i, range: 1..3}
        start: Sum(x(i)^2, {i, 1, 3})
        steps:
          - rule: expand-sum
            expect: x(1)^2 + x(2)^2 + x(3)^2
          - rule: swap-terms
            expect: x(1)^2 + x(2)^2
        """);
    assertEquals(Status.PROVED, step(d, 1).status());
    assertEquals(StepVerdict.ExpectMatch.FORM, step(d, 1).expect());
    assertEquals(Status.REFUTED, step(d, 2).status(), "the expected form drops a term: refuted");
    assertEquals(StepVerdict.ExpectMatch.DIFFERS, step(d, 2).expect());
  }

  @Test
  void droppingATermThatDependsOnTheVariableIsRefuted() {
    DerivationResult d = run("""
        symbols: {a: real, b: real}
        start: a^2 + a*b
        steps:
          - rule: drop-constant
            independent-of: [a]
            term: a*b
        """);
    StepVerdict v = step(d, 1);
    assertEquals(Status.REFUTED, v.status());
    assertTrue(v.summary().contains("depends on a"), v.summary());
  }

  @Test
  void averagingIsTheSampleMean() {
    DerivationResult d = run("""
        symbols:
          y: "{0,1}"
          yhat: "(0,1)"
        start: -(y*Log(yhat) + (1 - y)*Log(1 - yhat))
        steps:
          - rule: average-over-samples
            over: [y, yhat]
            expect: 1/N*Sum(-(y(k)*Log(yhat(k)) + (1 - y(k))*Log(1 - yhat(k))), {k, 1, N})
        """);
    StepVerdict v = step(d, 1);
    assertEquals(Status.PROVED, v.status(), v.summary());
    assertEquals(StepVerdict.ExpectMatch.FORM, v.expect());
    assertTrue(v.samples() >= 100);
  }

  @Test
  void substitutionOutsideTheDomainIsRefused() {
    DerivationResult d = run("""
        symbols:
          n: positive integer
          P: {domain: distribution, index: i, range: 1..n}
          y: real
        start: Sum(P(i), {i, 1, n})
        steps:
          - rule: substitute
            with: {n: 2}
          - rule: expand-sum
          - rule: substitute
            with: {P(1): y, P(2): y}
        """);
    assertEquals(Status.PROVED, step(d, 1).status());
    StepVerdict v = step(d, 3);
    assertEquals(Status.REFUTED, v.status(), v.summary());
  }
}
