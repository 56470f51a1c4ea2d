package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;

/**
 * Rules from a user's file rewrite like built-in ones, but a step they make is checked on its
 * own: a user's rewrite is a claim, not a tested theorem.
 */
class UserRulesTest {
  @TempDir
  Path dir;

  private Path rules(String body) {
    return DerivationFiles.write(dir, "mine.yaml", "family: mine\nrules:\n" + body);
  }

  private Path derivation(String rule) {
    return DerivationFiles.write(dir, "d.yaml", """
        symbols:
          a: "(0,1)"
          b: "(0,1)"
        start: Log(a + b)
        steps:
          - rule: %s
        """.formatted(rule));
  }

  @Test
  void aWrongUserRewriteIsRefutedNotTrusted() {
    Path rules = rules("""
          - name: log-splits-sums
            lhs: Log(a_ + b_)
            rhs: Log(a) + Log(b)
            where: [a > 0, b > 0]
            description: {en: "wrong on purpose"}
        """);
    Cli cli = Cli.run("check", "--rules", rules.toString(), derivation("log-splits-sums").toString());
    assertEquals(1, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.out().contains("refuted"), cli.out());
    assertFalse(cli.out().contains("by rule log-splits-sums"), cli.out());
  }

  @Test
  void aRightUserRewriteIsProvedOnItsOwnMerits() {
    Path rules = rules("""
          - name: log-of-sum-as-product
            lhs: Log(a_ + b_)
            rhs: Log(a) + Log(1 + b/a)
            where: [a > 0, b > 0]
            description: {en: "factor out the first term"}
        """);
    Cli cli = Cli.run("check", "--json", "--rules", rules.toString(), derivation("log-of-sum-as-product").toString());
    assertEquals(0, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.out().contains("\"proved\""), cli.out());
    assertFalse(cli.out().contains("by rule log-of-sum-as-product"), "proved by algebra, not by the rule: " + cli.out());
  }

  @Test
  void aUserRuleCannotJoinTheVerifiersNormalizers() {
    Path rules = rules("""
          - name: log-splits-sums
            lhs: Log(a_ + b_)
            rhs: Log(a) + Log(b)
            normalize: true
            description: {en: "wrong on purpose"}
        """);
    Cli cli = Cli.run("rules", "--rules", rules.toString());
    assertEquals(2, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.err().contains("mine.yaml:6"), cli.err());
    assertTrue(cli.err().contains("only for the built-in catalogue"), cli.err());
  }

  @Test
  void aRuleThatChangesNothingIsReportedAsSuchNotProved() {
    Path rules = rules("""
          - name: log-stays
            lhs: Log(a_)
            rhs: Log(a)
            description: {en: "rewrites a log to itself"}
        """);
    Cli cli = Cli.run("check", "--rules", rules.toString(), derivation("log-stays").toString());
    assertEquals(1, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.out().contains("changed nothing"), cli.out());
    assertFalse(cli.out().contains("proved"), cli.out());
  }
}
