package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stepwise.DerivationFiles;
import stepwise.Fixtures;

/**
 * Bad input gets a clear message naming file, line and step, exit code 2, nothing on standard
 * output, and it comes within seconds.
 */
class BadInputTest {
  static {
    Fixtures.catalogue();
  }

  @TempDir
  Path dir;

  private static final String GOOD = """
      symbols:
        y: "{0,1}"
        yhat: "(0,1)"
      start: yhat^y*(1 - yhat)^(1 - y)
      steps:
        - rule: neg-log
        - rule: log-of-product
          expect: -(Log(yhat^y) + Log((1 - yhat)^(1 - y)))
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "broken YAML           | '  - rule: neg-log'                | '  - rule: [neg-log'                  | 7 | starts at line 6",
      "unparsable expression | '    expect: -(Log(yhat^y)'        | '    expect: -(Log(yhat^y'            | 8 | step 2 (log-of-product)",
      "unknown rule          | '  - rule: log-of-product'         | '  - rule: log-of-produkt'           | 7 | did you mean log-of-product",
      "unknown symbol        | 'start: yhat^y*(1 - yhat)^(1 - y)' | 'start: yh^y*(1 - yh)^(1 - y)'       | 4 | unknown symbol yh",
      "bad domain            | 'yhat: \"(0,1)\"'                  | 'yhat: \"(1,0)\"'                    | 3 | empty interval",
      "unknown parameter     | '  - rule: neg-log'                | '  - rule: neg-log\n    base: 2'     | 7 | takes no parameter 'base'",
      "unknown field         | 'start: yhat'                      | 'begin: yhat'                        | 4 | no field 'begin'",
  })
  void badInputNamesFileLineAndStep(String what, String from, String to, int line, String message) {
    Path file = DerivationFiles.write(dir, "bad.yaml", GOOD.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n")));
    long start = System.nanoTime();
    Cli cli = Cli.run("check", file.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(2, cli.exit(), what + ": " + cli.err());
    assertTrue(cli.err().contains("bad.yaml:" + line), what + ": should name line " + line + ": " + cli.err());
    assertTrue(cli.err().contains(message), what + ": " + cli.err());
    assertEquals("", cli.out(), "no half-written output");
    assertTrue(took.toSeconds() < 10, what + " took " + took);
  }

  @Test
  void theGoodFileItselfPasses() {
    Path file = DerivationFiles.write(dir, "good.yaml", GOOD);
    Cli cli = Cli.run("check", file.toString());
    assertEquals(0, cli.exit(), cli.out() + cli.err());
  }

  @Test
  void aSideConditionThatFailsRefusesTheRuleWithAReason() {
    Path file = DerivationFiles.write(dir, "refused.yaml", """
        symbols: {a: real, b: real}
        start: Log(a*b)
        steps:
          - rule: log-of-product
        """);
    Cli cli = Cli.run("check", file.toString());
    assertEquals(1, cli.exit());
    assertTrue(cli.out().contains("rule refused"), cli.out());
    assertTrue(cli.out().contains("a > 0"), cli.out());
  }

  @Test
  void aRuleFileWhoseRightSideUsesAnUnboundVariableFailsToLoad() {
    Path rules = DerivationFiles.write(dir, "rules.yaml", """
        family: mine
        rules:
          - name: bad-rule
            lhs: Log(a_)
            rhs: Log(b)
            description: {en: "wrong on purpose"}
        """);
    Cli cli = Cli.run("rules", "--rules", rules.toString());
    assertEquals(2, cli.exit());
    assertTrue(cli.err().contains("rules.yaml:5"), cli.err());
    assertTrue(cli.err().contains("uses b, which the left side does not bind"), cli.err());
  }

  @Test
  void forbiddenFunctionsCannotBeReachedFromInput() {
    for (String evil : new String[] {"URLFetch(\"http://example.com\")", "Exit()", "ToExpression(\"1\")",
        "Get(\"/etc/passwd\")", "JavaNew(x)", "SetSystemOptions(x)", "Unprotect(Log)", "AddToClassPath(x)"}) {
      Cli cli = Cli.run("equiv", evil, "1");
      assertEquals(2, cli.exit(), evil + ": " + cli.out() + cli.err());
      assertTrue(cli.err().contains("not allow") || cli.err().contains("unexpected"), evil + ": " + cli.err());
    }
  }

  @Test
  void anExplodingExpressionStopsAtTheDeadline() {
    long start = System.nanoTime();
    Cli cli = Cli.run("equiv", "--timeout", "1", "(x + 1)^4000", "Sum(Binomial(4000, k)*x^k, {k, 0, 4000})");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toSeconds() < 30, "took " + took);
    assertTrue(cli.exit() == 0 || cli.exit() == 3, cli.out() + cli.err());
  }

  @Test
  void aSumOfATrillionTermsIsUnknownWithinSeconds() {
    long start = System.nanoTime();
    Cli cli = Cli.run("equiv", "--timeout", "2", "Sum(Sin(k), {k, 1, 10^12})", "0");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toSeconds() < 10, "took " + took);
    assertEquals(3, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.out().contains("too large to sample"), cli.out());
  }

  @Test
  void aLongRunOfSignsParsesAndLongBadInputIsQuotedShort() {
    Cli signs = Cli.run("equiv", "-".repeat(5000) + "x", "x");
    assertEquals(0, signs.exit(), signs.out() + signs.err()); // an even number of minus signs: it crashed the parser
    Cli nested = Cli.run("equiv", "(".repeat(5000) + "x", "x");
    assertEquals(2, nested.exit(), nested.err());
    assertTrue(nested.err().contains("nested too deeply"), nested.err());
    assertTrue(nested.err().length() < 400, "the message quotes an excerpt, not 5000 characters: " + nested.err().length());
  }
}
