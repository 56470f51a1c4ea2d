package stepwise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.verify.Status;

/** Claims on shapes and claims proved by a derivation, as a user writes them. */
class ClaimKindsTest {
  @TempDir
  Path dir;

  private ClaimResult claim(String yaml, String id) {
    Path file = DerivationFiles.write(dir, "claims.yaml", yaml);
    return Fixtures.check(file).claims().stream().filter(c -> c.claim().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void increasingMeansStrictlySoAConstantIsNotIncreasing() {
    String yaml = """
        symbols:
          x: "(0,1)"
          c: "(0,1)"
        start: x
        steps: []
        claims:
          - name: constant-increasing
            left: c + 0*x
            relation: increasing
            variables: [x]
          - name: log-increasing
            left: Log(x)
            relation: increasing
            variables: [x]
        """;
    ClaimResult constant = claim(yaml, "constant-increasing");
    assertEquals(Status.REFUTED, constant.finding().status(), constant.finding().toString());
    assertNotNull(constant.finding().counterexample());
    ClaimResult log = claim(yaml, "log-increasing");
    assertEquals(Status.PROVED, log.finding().status(), log.finding().toString());
  }

  @Test
  void aDerivationFromTheNamedFormProvesTheClaimOnTheUnfoldedForm() throws Exception {
    java.nio.file.Files.copy(Path.of("derivations/kl-nonnegative.yaml"), dir.resolve("kl-nonnegative.yaml"));
    ClaimResult c = claim("""
        symbols:
          n: {domain: positive integer}
          P: {domain: distribution, index: i, range: 1..n}
          Q: {domain: distribution, index: i, range: 1..n}
        start: Sum(P(i)*Log(P(i)/Q(i)), {i, 1, n})
        steps: []
        claims:
          - name: gibbs-as-a-sum
            left: Sum(P(i)*Log(P(i)/Q(i)), {i, 1, n})
            relation: ">="
            right: "0"
            by: kl-nonnegative
        """, "gibbs-as-a-sum");
    assertEquals(Status.PROVED, c.finding().status(), c.finding().toString());
    assertTrue(c.finding().method().startsWith("by derivation kl-nonnegative"), c.finding().method());
  }
}
