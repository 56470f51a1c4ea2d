package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Report;

/**
 * A file's constraint on a family's members with the family's index free (y(i) <= K) holds for
 * every member: sample points and counterexamples respect it. Before, the sampler skipped it
 * (the index is not a variable of the check) and refuted a true step at y = (1, 12), K = 2.
 */
class FamilyConstraintTest {
  @TempDir
  Path dir;

  private static final String HEAD = """
      title: {en: "t", zh: "t"}
      symbols:
        n: {domain: positive integer}
        K: {domain: positive integer}
        y: {domain: positive integer, index: i, range: 1..n}
      constraints:
        - y(i) <= K
      """;

  private DerivationResult check(String body) throws IOException {
    Path p = dir.resolve("labels.yaml");
    Files.writeString(p, HEAD + body);
    Report r = Fixtures.check(p);
    return r.derivations().get(0);
  }

  @Test
  void everyLabelWithinItsRangeIsCountedOnce() throws IOException {
    DerivationResult d = check("""
        start:
          expr: Sum(Sum(KroneckerDelta(y(i), k), {k, 1, K}), {i, 1, n})
        steps:
          - rule: deltas-over-all-values
            expect: Sum(1, {i, 1, n})
        """);
    assertEquals(Status.PROVED, d.verdicts().get(0).status(), d.verdicts().get(0).summary());
  }

  /** The same for a matrix: w(i, j) <= 1 for every entry bounds the total by the number of entries. */
  @Test
  void aConstraintOnEveryEntryOfAMatrixIsKept() throws IOException {
    Path p = dir.resolve("matrix.yaml");
    Files.writeString(p, """
        title: {en: "t", zh: "t"}
        symbols:
          m: {domain: positive integer}
          n: {domain: positive integer}
          w: {domain: positive, index: [i, j], range: [1..m, 1..n]}
        constraints:
          - w(i, j) <= 1
        claims:
          - name: total-at-most-entries
            left: Sum(Sum(w(i, j), {j, 1, n}), {i, 1, m})
            relation: "<="
            right: m*n
          - name: total-at-most-rows
            left: Sum(Sum(w(i, j), {j, 1, n}), {i, 1, m})
            relation: "<="
            right: m
        """);
    Report r = Fixtures.check(p);
    assertTrue(r.claims().get(0).passes(), r.claims().get(0).finding().toString());
    assertEquals(Status.REFUTED, r.claims().get(1).finding().status(), r.claims().get(1).finding().toString());
  }

  @Test
  void aCountThatStopsShortIsRefutedAtAPointThatKeepsTheConstraint() throws IOException {
    DerivationResult d = check("""
        start:
          expr: Sum(Sum(KroneckerDelta(y(i), k), {k, 1, K - 1}), {i, 1, n})
        steps:
          - by: algebra
            expect: n
        """);
    StepVerdict v = d.verdicts().get(0);
    assertEquals(Status.REFUTED, v.status(), v.summary());
    String point = v.summary();
    java.util.regex.Matcher k = java.util.regex.Pattern.compile("K = (\\d+)").matcher(point);
    java.util.regex.Matcher y = java.util.regex.Pattern.compile("y = \\(([0-9, ]+)\\)").matcher(point);
    assertTrue(k.find() && y.find(), point);
    int bound = Integer.parseInt(k.group(1));
    for (String member : y.group(1).split(",\\s*")) {
      assertTrue(Integer.parseInt(member) <= bound, "the counterexample breaks y(i) <= K: " + point);
    }
  }
}
