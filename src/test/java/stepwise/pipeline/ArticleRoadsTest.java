package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.verify.Counterexample;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/** The article's two roads to binary cross-entropy, and the lost minus sign. */
class ArticleRoadsTest {
  private static final String BCE = "-(y*Log(yhat) + (1 - y)*Log(1 - yhat))";

  @TempDir
  Path dir;

  @Test
  void bothRoadsVerifyStepByStepAndEndInTheIdenticalExpression() {
    Report report = Fixtures.check(Path.of("derivations/bce-from-likelihood.yaml"), Path.of("derivations/bce-from-kl.yaml"));
    assertTrue(report.passes());
    for (DerivationResult d : report.derivations()) {
      assertEquals(BCE, ExprPrinter.print(d.rewritten().end()), d.derivation().id());
      for (StepVerdict v : d.verdicts()) {
        assertEquals(Status.PROVED, v.status(), d.derivation().id() + ": " + v.summary());
        assertTrue(v.samples() >= 100, "each step is also checked at 100+ points");
      }
    }
    DerivationResult a = find(report, "bce-from-likelihood");
    DerivationResult b = find(report, "bce-from-kl");
    assertEquals(3, a.verdicts().size());
    assertTrue(a.rewritten().relation().describe().contains("decreasing"), "road A is a -log transform");
    assertEquals("≃_{Q}", b.rewritten().relation().symbol(), "road B drops a term constant in Q");
    ClaimResult claim = report.claims().get(0);
    assertEquals("identical", claim.claim().relation());
    assertEquals(Status.PROVED, claim.finding().status());
    assertEquals(BCE, ExprPrinter.print(claim.left()));
  }

  @Test
  void theLostMinusSignIsRefutedAtThatStepWithACounterexample() throws Exception {
    Files.copy(Path.of("derivations/bce-from-likelihood.yaml"), dir.resolve("bce-from-likelihood.yaml"));
    Path copy = DerivationFiles.copyWith(dir, "bce-from-kl.yaml",
        "    expect: -Sum(P(i)*Log(Q(i)), {i, 1, n})", "    expect: Sum(P(i)*Log(Q(i)), {i, 1, n})");
    Report report = Fixtures.check(copy);
    DerivationResult b = find(report, "bce-from-kl");
    assertTrue(!b.passes());
    StepVerdict step10 = b.verdicts().get(9);
    assertEquals(Status.REFUTED, step10.status());
    assertEquals(StepVerdict.ExpectMatch.DIFFERS, step10.expect());
    Finding f = step10.findings().stream().filter(x -> x.status() == Status.REFUTED).findFirst().orElseThrow();
    Counterexample c = f.counterexample();
    assertNotNull(c);
    // re-check by hand: both sides at the counterexample point, with Symja at 30 digits
    Map<IExpr, IExpr> at = new HashMap<>();
    int n = Integer.parseInt(c.point().get("n"));
    at.put(UserSymbols.named("n"), F.ZZ(n));
    for (String family : new String[] {"P", "Q"}) {
      String[] values = c.point().get(family).replaceAll("[()]", "").split(",\\s*");
      assertEquals(n, values.length);
      for (int k = 0; k < n; k++) {
        BigDecimal v = new BigDecimal(values[k]);
        at.put(Trees.node(UserSymbols.named(family), F.ZZ(k + 1)), F.fraction(v.unscaledValue(),
            java.math.BigInteger.TEN.pow(v.scale())));
      }
    }
    IExpr computed = Fixtures.parse("-Sum(P(i)*Log(Q(i)), {i, 1, n})");
    IExpr expected = Fixtures.parse("Sum(P(i)*Log(Q(i)), {i, 1, n})");
    double left = numeric(computed, at);
    double right = numeric(expected, at);
    assertTrue(Math.abs(left - right) > 1e-6, "the counterexample really separates them: " + left + " vs " + right);
    assertEquals(-left, right, 1e-12, "the mistake is exactly the sign");
  }

  private static double numeric(IExpr e, Map<IExpr, IExpr> at) {
    IExpr n = Trees.substitute(e, Map.of(UserSymbols.named("n"), at.get(UserSymbols.named("n"))));
    IExpr expanded = Cas.evaluate(n); // Symja writes the sum out for a numeric bound
    return Cas.evaluate(Trees.node(S.N, Trees.substitute(expanded, at), F.ZZ(30))).evalf();
  }

  private static DerivationResult find(Report report, String id) {
    return report.derivations().stream().filter(d -> d.derivation().id().equals(id)).findFirst().orElseThrow();
  }
}
