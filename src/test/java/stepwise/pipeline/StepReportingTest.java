package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.expr.ExprPrinter;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/** A rule that does not apply is reported on its step, never skipped; relations compose or fail. */
class StepReportingTest {
  @TempDir
  Path dir;

  @Test
  void aStepWhoseRuleDoesNotApplyIsReportedNotSkipped() {
    Path file = DerivationFiles.write(dir, "d.yaml", """
        symbols: {a: positive, b: positive}
        start: Log(a*b)
        steps:
          - rule: log-of-power
            expect: Log(a) + Log(b)
          - rule: swap-terms
          - rule: log-of-quotient
          - rule: swap-terms
        """);
    DerivationResult d = Fixtures.check(file).derivations().get(0);
    assertFalse(d.passes());
    StepVerdict first = d.verdicts().get(0);
    assertEquals(Status.UNKNOWN, first.status());
    assertTrue(first.summary().contains("does not apply"), first.summary());
    assertFalse(d.rewritten().steps().get(0).applied());
    // the run went on from the author's expect:
    assertEquals(Status.PROVED, d.verdicts().get(1).status());
    assertEquals("Log(b) + Log(a)", ExprPrinter.print(d.rewritten().steps().get(1).after()));
    // a later step that does not apply and has no expect: the rest is not reached
    assertTrue(d.verdicts().get(2).summary().contains("does not apply"));
    assertEquals(Status.UNKNOWN, d.verdicts().get(3).status());
    assertFalse(d.rewritten().steps().get(3).reached());
  }

  @Test
  void lessOrEqualThenGreaterOrEqualDoesNotCompose() {
    Path rules = DerivationFiles.write(dir, "bounds.yaml", """
        family: bounds
        rules:
          - name: square-is-at-least-zero
            lhs: a_^2
            rhs: "0"
            where: ["Element(a, Reals)"]
            relation: ">="
            description: {en: "A real square is at least 0."}
        """);
    Path file = DerivationFiles.write(dir, "d.yaml", """
        symbols: {t: real, x: real}
        start: t^2
        steps:
          - rule: square-is-at-least-zero
        """);
    var pipeline = new Pipeline(stepwise.load.CatalogueLoader.load(java.util.List.of(rules)), stepwise.verify.Settings.DEFAULT);
    DerivationResult d = pipeline.check(pipeline.load(java.util.List.of(file))).derivations().get(0);
    assertEquals(Status.PROVED, d.verdicts().get(0).status(), d.verdicts().get(0).summary());
    assertEquals("≥", d.rewritten().relation().symbol());
    assertThrowsIncompatible();
  }

  private static void assertThrowsIncompatible() {
    var le = stepwise.model.Relation.LESS_EQUAL;
    var ge = stepwise.model.Relation.GREATER_EQUAL;
    org.junit.jupiter.api.Assertions.assertThrows(stepwise.model.Relation.IncompatibleRelations.class,
        () -> stepwise.model.Relation.compose(le, ge));
  }
}
