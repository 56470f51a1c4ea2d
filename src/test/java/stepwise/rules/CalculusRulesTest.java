package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.Fixtures;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Call;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Rewrite;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.Verifier;

/**
 * The differentiation rules (calculus.yaml) on concrete derivatives: each rewrite equals the
 * derivative it started from, and the result with a sign flipped is refuted. The chain rule is
 * tried with several outer functions, since its f' is worked out for the f it meets.
 */
class CalculusRulesTest {
  private static final Catalogue CATALOGUE = Fixtures.catalogue();
  private final Verifier verifier = Fixtures.verifier();
  private static final Domains DOMAINS = new Domains(Map.of(UserSymbols.named("x"), Domain.POSITIVE,
      UserSymbols.named("c"), Domain.REALS), List.of(), List.of());

  /** rule name, then derivatives it applies to (x > 0, c real). */
  private static final Map<String, List<String>> CASES = Map.of(
      "chain-rule", List.of("D(Log(1 + x^2), x)", "D(Sin(c*x^2), x)", "D(Tanh(1 + x), x)", "D(ArcTan(x^3), x)",
          "D(Cosh(Log(x)), x)"),
      "exp-chain-rule", List.of("D(Exp(-x^2/2), x)", "D(Exp(c*x), x)"),
      "product-rule", List.of("D(x^2*Sin(x), x)", "D(Log(x)*Exp(x)*x, x)"),
      "derivative-of-sum", List.of("D(x^3 + Log(x), x)", "D(c + Cos(x) + x, x)"),
      "constant-factor-rule", List.of("D(c*Log(x), x)", "D(3*x^2, x)"),
      "power-rule", List.of("D((1 + x)^5, x)", "D((1 + Exp(x))^(-1), x)", "D(x^c, x)", "D(Sqrt(1 + x), x)"),
      "derivative-of-constant", List.of("D(c^2 + 1, x)"),
      "derivative-of-variable", List.of("D(x, x)"));

  @TestFactory
  Stream<DynamicTest> eachRuleEqualsTheDerivativeItRewrites() {
    List<DynamicTest> tests = new ArrayList<>();
    CASES.forEach((name, inputs) -> inputs.forEach(input ->
        tests.add(DynamicTest.dynamicTest(name + " on " + input, () -> check(name, input)))));
    return tests.stream();
  }

  private void check(String name, String input) {
    PatternRule rule = (PatternRule) CATALOGUE.rule(name).orElseThrow();
    IExpr before = Fixtures.parse(input);
    Rewrite r = rule.apply(before, List.of());
    IExpr after = r.after();
    assertTrue(!Trees.contains(after, e -> e.equals(S.Derivative)), "f' is written out: " + ExprPrinter.print(after));
    Finding holds = verifier.equal(name, before, after, DOMAINS, List.of(), null);
    assertTrue(holds.status().holds(), () -> name + ": " + input + " = " + ExprPrinter.print(after) + " got "
        + holds.status() + " " + holds.reason());
    IExpr wrong = RuleSoundnessTest.mutate(after);
    Finding refuted = verifier.equal(name + " (wrong)", before, wrong, DOMAINS, List.of(), null);
    assertEquals(Status.REFUTED, refuted.status(), () -> input + " = " + ExprPrinter.print(wrong) + " should be refuted");
    assertNotNull(refuted.counterexample());
  }

  @Test
  void theChainRuleWritesTheOuterDerivativeForTheFunctionItMeets() {
    PatternRule rule = (PatternRule) CATALOGUE.rule("chain-rule").orElseThrow();
    assertEquals("1/(1 + Exp(z))*D(1 + Exp(z), z)",
        ExprPrinter.print(rule.apply(Fixtures.parse("D(Log(1 + Exp(z)), z)"), List.of()).after()));
    assertEquals("Cos(z^2)*D(z^2, z)", ExprPrinter.print(rule.apply(Fixtures.parse("D(Sin(z^2), z)"), List.of()).after()));
  }

  @Test
  void theChainRuleDoesNotApplyWhereItWouldSayNothing() {
    PatternRule rule = (PatternRule) CATALOGUE.rule("chain-rule").orElseThrow();
    // the inner function does not depend on the variable
    assertThrows(Call.NotApplicable.class, () -> rule.apply(Fixtures.parse("D(Log(1 + y), z)"), List.of()));
    // an arbitrary function has no known derivative
    ISymbol f = UserSymbols.named("f");
    IExpr call = Trees.node(S.D, Trees.node(f, Fixtures.parse("z^2")), UserSymbols.named("z"));
    assertThrows(Call.NotApplicable.class, () -> rule.apply(call, List.of()));
  }

  @Test
  void aDerivativeOfAFunctionTheLeftSideDoesNotBindIsALoadError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("mine.yaml");
    java.nio.file.Files.writeString(file, """
        family: mine
        rules:
          - name: half-chain
            lhs: D(Log(g_), x_)
            rhs: Derivative(h, g)*D(g, x)
            description: {en: "h is not bound"}
        """);
    RuntimeException e = assertThrows(RuntimeException.class, () -> stepwise.load.CatalogueLoader.load(List.of(file)));
    assertTrue(e.getMessage().contains("half-chain"), e.getMessage());
  }
}
