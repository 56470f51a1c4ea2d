package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.cli.Cli;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;

/**
 * The promises of "verdicts that can be trusted": a true statement is never refuted, a
 * counterexample satisfies every assumption and has both sides defined and different there
 * (re-checked here, outside the verifier, at 60 digits), and a check keeps its deadline.
 */
class TrustedVerdictsTest {
  private static final Duration SLACK = Duration.ofMillis(1500); // a busy 2-core CI machine

  private static Finding equiv(String left, String right, String assume, Settings settings) {
    Equivalence equivalence = new Equivalence(Fixtures.catalogue(), settings);
    return equivalence.check(equivalence.parse(left, right, assume, Source.of(null)));
  }

  private static Finding equiv(String left, String right, String assume) {
    return equiv(left, right, assume, Fixtures.SETTINGS);
  }

  @Test
  void aLogIdentityUnderALinearConstraintOfThreeVariablesIsNotRefuted() {
    Finding f = equiv("Log(a/(a + b))", "Log(a) - Log(a + b)",
        "0 < a < 1 && 0 < b < 1 && 0 < c < 1 && a + b + c == 1");
    // the constraint is solved for c, which the claim does not mention, so a > 0 stays visible
    assertEquals(Status.PROVED, f.status(), f.toString());
  }

  @Test
  void aRemovableSingularityIsNotACounterexample() {
    Finding f = equiv("Sqrt(1 - z)*(1 + z - I*Sqrt(1 - z^2))/(Sqrt(z + 1)*(1 - z + I*Sqrt(1 - z^2)))", "-I", null);
    assertNotEquals(Status.REFUTED, f.status(), f.toString());
    Finding removable = equiv("(x^2 - 1)/(x - 1)", "x + 1", null);
    assertNotEquals(Status.REFUTED, removable.status(), removable.toString());
  }

  @Test
  void largeMagnitudesAreSampled() {
    Finding f = equiv("Min(x, 10^15)", "x", "x > 0");
    assertEquals(Status.REFUTED, f.status(), f.toString());
    assertCounterexampleHolds("Min(x, 10^15)", "x", "x > 0", f);
    Finding tiny = equiv("Max(x, 10^-20)", "x", "x > 0");
    assertEquals(Status.REFUTED, tiny.status(), tiny.toString());
  }

  @Test
  void valuesBeyondDoublesAreJudgedInHighPrecisionNotCalledUndefined() {
    Finding f = equiv("1e400*x", "x", null);
    assertEquals(Status.REFUTED, f.status(), f.toString());
    assertCounterexampleHolds("1e400*x", "x", null, f);
  }

  @Test
  void aConstraintWithASumIsSampledAndItsSlipRefuted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sum-constraint.yaml");
    Files.writeString(file, """
        title: {en: "A probability vector written as a Sum constraint"}
        symbols:
          n: {domain: positive integer}
          p: {domain: "(0, 1)", index: i, range: 1..n}
        constraints:
          - Sum(p(i), {i, 1, n}) == 1
        claims:
          - name: slip
            statement: {en: "a slip"}
            left: Sum(p(i)^2, {i, 1, n})
            relation: "="
            right: "1"
          - name: true-one
            statement: {en: "true"}
            left: Sum(2*p(i), {i, 1, n})
            relation: "="
            right: "2"
        """, StandardCharsets.UTF_8);
    Cli run = Cli.run("check", file.toString());
    assertTrue(run.out().contains("slip:") && run.out().lines().anyMatch(l -> l.contains("refuted") && l.contains("p = (")),
        run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.contains("confirmed numerically") || l.contains("proved")), run.out());
  }

  @Test
  void aCounterexampleKeepsADeclaredRelationBetweenSymbols(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("relation.yaml");
    Files.writeString(file, """
        title: {en: "kbar is one more than the first k"}
        symbols:
          n: {domain: positive integer}
          k: {domain: real, index: i, range: 1..n}
          kbar: {domain: real}
        constraints:
          - kbar == k(1) + 1
        claims:
          - name: slip
            statement: {en: "a slip"}
            left: kbar - k(1)
            relation: "="
            right: 1 + k(1)^2
        """, StandardCharsets.UTF_8);
    Cli run = Cli.run("check", file.toString());
    String line = run.out().lines().filter(l -> l.contains("refuted")).findFirst().orElseThrow(() -> new AssertionError(run.out()));
    // ... at n = N, kbar = K, k = (K1, ...): kbar must be k(1) + 1 exactly
    var m = java.util.regex.Pattern.compile("kbar = ([-0-9.E+]+), k = \\(([-0-9.E+]+)").matcher(line);
    assertTrue(m.find(), line);
    assertEquals(0, new BigDecimal(m.group(1)).compareTo(new BigDecimal(m.group(2)).add(BigDecimal.ONE)), line);
  }

  @Test
  void aTimeoutIsKeptEvenWhereSymjaLooksAtNoClock() {
    Settings two = new Settings(200, Duration.ofSeconds(2), Settings.DEFAULT.seed());
    long start = System.nanoTime();
    Finding f = equiv("Binomial(10^9, 5*10^8) + x", "x + Binomial(10^9, 10^9 - 5*10^8)", null, two);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(Status.UNKNOWN, f.status(), f.toString());
    assertTrue(took.compareTo(two.deadline().plus(Verifier.MARGIN).plus(SLACK)) < 0, "took " + took);

    Settings one = new Settings(200, Duration.ofSeconds(1), Settings.DEFAULT.seed());
    start = System.nanoTime();
    Finding gamma = equiv("Gamma(x + 1)", "x*Gamma(x)", "x > 0", one);
    took = Duration.ofNanos(System.nanoTime() - start);
    assertNotEquals(Status.REFUTED, gamma.status(), gamma.toString());
    assertTrue(took.compareTo(one.deadline().plus(Verifier.MARGIN).plus(SLACK)) < 0, "took " + took);
  }

  @Test
  void aBatchGoesOnAfterALineThatRunsOutOfTime(@TempDir Path dir) throws Exception {
    Path batch = dir.resolve("pairs.tsv");
    Files.writeString(batch, "Gamma(x + 1)*Gamma(x + 2)*Gamma(x + 3)\tx^2*(x + 1)*Gamma(x)^2*Gamma(x + 3)\tx > 0\n"
        + "Log(x*y)\tLog(x) + Log(y)\tx > 0 && y > 0\n", StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Cli run = Cli.run("equiv", "--batch", batch.toString(), "--timeout", "1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("1: ")), run.out() + run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("2: proved")), run.out() + run.err());
    assertTrue(took.compareTo(Duration.ofSeconds(2).plus(Verifier.MARGIN.multipliedBy(2)).plus(SLACK.multipliedBy(2))) < 0,
        "took " + took + "\n" + run.out());
  }

  @Test
  void tooManySamplesIsBadInputThatNamesTheCeiling() {
    Cli run = Cli.run("equiv", "x", "x", "--samples", "50000000");
    assertEquals(2, run.exit(), run.err());
    assertTrue((run.out() + run.err()).contains("between 100 and " + Settings.MAX_SAMPLES), run.out() + run.err());
  }

  @Test
  void aHugeExactNumberIsRefusedBeforeItIsComputed() {
    long start = System.nanoTime();
    Finding f = equiv("Factorial(10^7) + x", "x + Factorial(10^7)", null);
    assertTrue(f.status() != Status.REFUTED, f.toString());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, f.toString());
  }

  // ---- property: every refutation is a real counterexample inside the assumptions ----

  /** A claim under assumptions; true ones are made false by a small perturbation half of the time. */
  record Claim(String left, String right, String assume) {}

  @Provide
  Arbitrary<Claim> claims() {
    Arbitrary<String> identity = Arbitraries.of(
        "Log(a*b)|Log(a) + Log(b)",
        "Log(a/(a + b))|Log(a) - Log(a + b)",
        "(a + b)^2|a^2 + 2*a*b + b^2",
        "Exp(a + b)|Exp(a)*Exp(b)",
        "Sqrt(a^2)|a",
        "a/(a + b + c)|a",
        "(a^2 - b^2)/(a - b)|a + b",
        "Log(a^b)|b*Log(a)",
        "Abs(a - b)|Max(a, b) - Min(a, b)",
        "a*Log(a) + b*Log(b)|a*Log(a) + (1 - a - c)*Log(b)");
    Arbitrary<String> assume = Arbitraries.of(
        "0 < a < 1 && 0 < b < 1",
        "a > 0 && b > 0",
        "0 < a < 1 && 0 < b < 1 && 0 < c < 1 && a + b + c == 1",
        "a > 0 && b > 0 && c == a + 2*b",
        "a > 1 && b > 1 && a + b == 3",
        "Element(a, Reals) && Element(b, Reals)");
    Arbitrary<String> perturbation = Arbitraries.of("", "", " + 10^-20*a", " + a*b/1000", " + 1/7");
    return Combinators.combine(identity, assume, perturbation).as((pair, a, p) -> {
      String[] sides = pair.split("\\|");
      return new Claim(sides[0], sides[1] + p, a);
    });
  }

  @Property(tries = 15, seed = "20261203")
  void noRefutationWithoutARealCounterexampleInsideTheAssumptions(@ForAll("claims") Claim c) {
    Finding f = equiv(c.left(), c.right(), c.assume());
    if (f.status() == Status.REFUTED) {
      assertCounterexampleHolds(c.left(), c.right(), c.assume(), f);
    }
  }

  /** Independently of the verifier: the point satisfies the assumptions and the sides differ at 60 digits. */
  private static void assertCounterexampleHolds(String left, String right, String assume, Finding f) {
    assertNotNull(f.counterexample(), f.toString());
    Map<IExpr, IExpr> at = new HashMap<>();
    f.counterexample().point().forEach((name, value) -> at.put(UserSymbols.named(name), Fixtures.exactValue(value)));
    if (assume != null) {
      IExpr holds = Cas.evaluate(Trees.substitute(Fixtures.parse(assume), at));
      assertEquals(S.True, holds, "the point " + f.counterexample().describe() + " breaks " + assume);
    }
    IExpr l = Cas.numeric(Trees.substitute(Fixtures.parse(left), at), 60);
    IExpr r = Cas.numeric(Trees.substitute(Fixtures.parse(right), at), 60);
    assertTrue(l.isNumber() && r.isNumber(), "a side is undefined at " + f.counterexample().describe() + ": " + l + ", " + r);
    IExpr difference = Cas.numeric(Trees.plus(l, Trees.negate(r)), 60);
    assertTrue(difference.isNumber() && !difference.isZero() && Cas.numeric(F.Abs(difference), 60).evalf() > 0,
        "no difference at " + f.counterexample().describe() + ": " + difference);
  }
}
