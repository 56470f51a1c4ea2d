package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.rules.Definitions;
import stepwise.verify.Counterexample;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/**
 * Every argument of the article holds, and every slip in it is refuted with a counterexample
 * that really violates the statement when evaluated again, independently, at 40 digits.
 */
class WholeArticleTest {
  private static Report report;

  @TempDir
  Path dir;

  @BeforeAll
  static void checkEverything() {
    report = Fixtures.check(Path.of("derivations"));
  }

  private static DerivationResult derivation(String id) {
    return report.derivations().stream().filter(d -> d.derivation().id().equals(id)).findFirst().orElseThrow();
  }

  private static ClaimResult claim(String id) {
    return report.claims().stream().filter(c -> c.claim().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyFilePassesAndEveryArgumentIsProvedStepByStep() {
    assertTrue(report.passes());
    for (DerivationResult d : report.derivations()) {
      assertTrue(d.passes(), d.derivation().id());
      if (!d.derivation().expectFailure() && d.derivation().hasSteps()) {
        for (StepVerdict v : d.verdicts()) {
          assertEquals(Status.PROVED, v.status(), d.derivation().id() + ": " + v.summary());
        }
      }
    }
    for (ClaimResult c : report.claims()) {
      assertTrue(c.passes(), c.claim().id() + ": " + c.finding());
      if (!c.claim().expectFailure()) {
        assertEquals(Status.PROVED, c.finding().status(), c.claim().id() + ": " + c.finding());
      }
    }
  }

  @Test
  void theUnifiedBernoulliFormIsCheckedCaseByCase() {
    DerivationResult d = derivation("bernoulli-cases");
    assertEquals("Piecewise({{1 - yhat, y == 0}, {yhat, y == 1}})", ExprPrinter.print(d.rewritten().end()));
  }

  @Test
  void informationContentDecreasesAndTheLotteryNumbersHold() {
    DerivationResult d = derivation("information-content");
    assertEquals("I(p1) > I(p2)", ExprPrinter.print(d.rewritten().end()));
    assertTrue(d.rewritten().relation().describe().contains("equivalent"));
    assertTrue(claim("information-decreases-with-probability").finding().method().contains("derivative"));
    for (String id : List.of("lottery-win-is-informative", "lottery-win-information", "lottery-loss-information")) {
      assertEquals(Status.PROVED, claim(id).finding().status(), id);
    }
  }

  @Test
  void entropyCrossEntropyAndKlAreDerivedFromTheirDefinitions() {
    assertEquals("H(P)", ExprPrinter.print(derivation("entropy").rewritten().end()));
    assertEquals("H(P, Q)", ExprPrinter.print(derivation("cross-entropy").rewritten().end()));
    assertEquals("KL(P, Q)", ExprPrinter.print(derivation("kl-divergence").rewritten().end()));
    assertEquals("-Sum(P(i)*Log(P(i)), {i, 1, n})", ExprPrinter.print(derivation("entropy").rewritten().steps().get(2).after()));
  }

  @Test
  void klIsNonNegativeByJensenWithItsConditionsProvedNotAssumed() {
    DerivationResult d = derivation("kl-nonnegative");
    assertEquals("0", ExprPrinter.print(d.rewritten().end()));
    assertEquals("≥", d.rewritten().relation().symbol());
    StepVerdict jensen = d.verdicts().get(3);
    assertEquals("jensen", d.rewritten().steps().get(3).spec().rule());
    List<Finding> conditions = jensen.findings().stream().filter(f -> f.what().startsWith("condition")).toList();
    assertEquals(3, conditions.size(), "distribution, domain of f, convexity of f");
    conditions.forEach(f -> assertEquals(Status.PROVED, f.status(), f.what()));
    assertTrue(conditions.stream().anyMatch(f -> f.what().contains("probability distribution")));
    assertTrue(conditions.stream().anyMatch(f -> f.what().contains("convex")));
    assertTrue(claim("kl-is-nonnegative").finding().method().startsWith("by derivation kl-nonnegative"));
  }

  @Test
  void convexityOfTheLosses() {
    assertTrue(claim("bce-is-convex").finding().method().contains("second derivative"));
    assertTrue(claim("binary-kl-is-convex-in-q").finding().method().contains("second derivative"));
    assertEquals(Status.PROVED, claim("bce-second-derivative-positive").finding().status());
    assertEquals("second derivative in yhat", derivation("convexity").rewritten().relation().describe());
  }

  @Test
  void jensenRefusesAConcaveFunctionUsedAsConvexAndWeightsThatAreNotADistribution() {
    String base = """
        symbols:
          n: positive integer
          w: {domain: %s, index: i, range: 1..n}
          x: {domain: positive, index: i, range: 1..n}
        start: E(w, %s)
        steps:
          - rule: jensen
            function: %s
            variable: t
            where: t > 0
        """;
    DerivationResult concave = Fixtures.check(DerivationFiles.write(dir, "a.yaml",
        base.formatted("distribution", "Log(x(i))", "Log(t)"))).derivations().get(0);
    StepVerdict v = concave.verdicts().get(0);
    assertEquals(Status.REFUTED, v.status(), v.summary());
    assertTrue(v.summary().contains("rule refused"), v.summary());
    DerivationResult weights = Fixtures.check(DerivationFiles.write(dir, "b.yaml",
        base.formatted("positive", "-Log(x(i))", "-Log(t)"))).derivations().get(0);
    StepVerdict w = weights.verdicts().get(0);
    assertFalse(w.status().holds(), "weights that do not sum to 1: " + w.summary());
    Finding distribution = w.findings().stream().filter(f -> f.what().contains("probability distribution")).findFirst()
        .orElseThrow();
    assertEquals(Status.UNKNOWN, distribution.status(), "the rule is refused: w is not declared a distribution");
    assertTrue(distribution.reason().contains("rule refused"), distribution.reason());
  }

  @Test
  void everySlipIsRefutedWithACounterexampleThatReallyViolatesIt() {
    for (String id : List.of("jensen-as-stated-for-convex-f", "literal-reading-is-entropy")) {
      ClaimResult c = claim(id);
      assertEquals(Status.REFUTED, c.finding().status(), id);
      Counterexample ce = c.finding().counterexample();
      assertNotNull(ce, id);
      Map<IExpr, IExpr> at = point(ce);
      double left = value(c.left(), at, c);
      double right = value(c.right(), at, c);
      boolean holds = switch (c.claim().relation()) {
        case ">=" -> left >= right - 1e-30;
        case "=" -> Math.abs(left - right) < 1e-30;
        default -> throw new IllegalStateException(c.claim().relation());
      };
      assertFalse(holds, id + " at " + ce.describe() + ": " + left + " vs " + right);
    }
    for (String id : List.of("log-is-convex", "premise-log-convex")) {
      ClaimResult c = claim(id);
      assertEquals(Status.REFUTED, c.finding().status(), id);
      Counterexample ce = c.finding().counterexample();
      assertNotNull(ce, id);
      assertChordBelow(c, ce);
    }
    DerivationResult lost = derivation("lost-minus-sign");
    assertTrue(lost.derivation().expectFailure() && lost.passes());
    StepVerdict step = lost.verdicts().get(1);
    assertEquals(Status.REFUTED, step.status());
    Counterexample ce = step.findings().stream().filter(f -> f.counterexample() != null).findFirst().orElseThrow()
        .counterexample();
    Map<IExpr, IExpr> at = point(ce);
    double computed = value(lost.rewritten().end(), at, null);
    double written = value(lost.rewritten().steps().get(1).spec().expect(), at, null);
    assertTrue(Math.abs(computed - written) > 1e-6, "the article's form differs from the true remainder there");
    assertEquals(-computed, written, 1e-12, "exactly by the lost sign");
  }

  @Test
  void expectedToFailButHoldsCountsAsAFailure() {
    Path file = DerivationFiles.write(dir, "wrong-expectation.yaml", """
        symbols: {x: "(0, inf)"}
        claims:
          - name: minus-log-is-convex
            left: -Log(x)
            relation: convex
            variables: [x]
            expect: fails
        """);
    Report r = Fixtures.check(file);
    assertEquals(Status.PROVED, r.claims().get(0).finding().status());
    assertFalse(r.claims().get(0).passes());
    assertFalse(r.passes());
  }

  /** The counterexample's values: scalars, and families written as (v1, v2, ...). */
  private static Map<IExpr, IExpr> point(Counterexample ce) {
    Map<IExpr, IExpr> at = new HashMap<>();
    ce.point().forEach((name, value) -> {
      if (value.startsWith("(")) {
        String[] members = value.substring(1, value.length() - 1).split(",\\s*");
        for (int k = 0; k < members.length; k++) {
          at.put(Trees.node(UserSymbols.named(name), F.ZZ(k + 1)), exact(members[k]));
        }
      } else {
        at.put(UserSymbols.named(name), exact(value));
      }
    });
    return at;
  }

  private static IExpr exact(String decimal) {
    BigDecimal d = new BigDecimal(decimal);
    return F.fraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(Math.max(0, d.scale())))
        .multiply(d.scale() < 0 ? F.ZZ(java.math.BigInteger.TEN.pow(-d.scale())) : F.C1);
  }

  /** expr at the point, with Symja at 40 digits: scalars first, then sums written out, then members. */
  private static double value(IExpr expr, Map<IExpr, IExpr> at, ClaimResult c) {
    var domains = c == null ? report.derivations().stream().filter(d -> d.derivation().id().equals("lost-minus-sign"))
        .findFirst().orElseThrow().derivation().domains() : c.claim().domains();
    IExpr e = Definitions.unfoldAll(expr, Fixtures.catalogue(), domains);
    Map<IExpr, IExpr> scalars = new HashMap<>();
    at.forEach((k, v) -> {
      if (k instanceof ISymbol) {
        scalars.put(k, v);
      }
    });
    IExpr expanded = Cas.evaluate(Trees.substitute(e, scalars)); // numeric bounds: Symja writes the sums out
    IExpr numeric = Cas.evaluate(Trees.node(S.N, Trees.substitute(expanded, at), F.ZZ(40)));
    assertTrue(numeric.isReal(), "a real number: " + numeric);
    return numeric.evalf();
  }

  /** For a convexity claim: f at the weighted point lies above the chord. */
  private static void assertChordBelow(ClaimResult c, Counterexample ce) {
    ISymbol v = UserSymbols.named(c.claim().variables().get(0));
    Map<IExpr, IExpr> others = new HashMap<>();
    ce.point().forEach((name, value) -> others.put(UserSymbols.named(name), exact(value)));
    IExpr x1 = others.remove(UserSymbols.named(v.getSymbolName() + "1"));
    IExpr x2 = others.remove(UserSymbols.named(v.getSymbolName() + "2"));
    IExpr w = others.remove(UserSymbols.named("w"));
    assertNotNull(x1);
    assertNotNull(x2);
    assertNotNull(w);
    IExpr f = c.left();
    IExpr mid = Trees.plus(Trees.times(w, x1), Trees.times(Trees.plus(F.C1, Trees.negate(w)), x2));
    double atMid = eval(Trees.substitute(f, with(others, v, mid)));
    double chord = Cas.evaluate(Trees.node(S.N, Trees.plus(Trees.times(w, Trees.substitute(f, with(others, v, x1))),
        Trees.times(Trees.plus(F.C1, Trees.negate(w)), Trees.substitute(f, with(others, v, x2)))), F.ZZ(40))).evalf();
    assertTrue(atMid > chord, c.claim().id() + ": the chord should lie below: f(mid) = " + atMid + ", chord = " + chord);
  }

  private static Map<IExpr, IExpr> with(Map<IExpr, IExpr> others, ISymbol v, IExpr value) {
    Map<IExpr, IExpr> m = new HashMap<>(others);
    m.put(v, value);
    return m;
  }

  private static double eval(IExpr e) {
    return Cas.evaluate(Trees.node(S.N, e, F.ZZ(40))).evalf();
  }

}
