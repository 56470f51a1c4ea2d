package stepwise.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.model.InputError;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.Report;
import stepwise.verify.Status;

/**
 * Families with two indices (a joint distribution p(i, j) over a probability matrix), and
 * inequality claims about any member of a family (its index free): sampled for every index
 * within the sizes, refuted where they fail.
 */
class TwoIndexFamilyTest {
  @TempDir
  Path dir;

  private static final String HEAD = """
      title: {en: "t", zh: "t"}
      symbols:
        m: {domain: positive integer}
        n: {domain: positive integer}
        p: {domain: distribution, index: [i, j], range: [1..m, 1..n]}
        z: {domain: real, index: k, range: 1..n}
      """;

  private Report check(String body) throws IOException {
    Path p = dir.resolve("t.yaml");
    Files.writeString(p, HEAD + body);
    return Fixtures.check(p);
  }

  private static Map<String, ClaimResult> byName(Report r) {
    Map<String, ClaimResult> out = new java.util.LinkedHashMap<>();
    r.claims().forEach(c -> out.put(c.claim().id(), c));
    return out;
  }

  @Test
  void aJointDistributionIsAProbabilityMatrix() throws IOException {
    Report r = check("""
        claims:
          - name: total
            left: Sum(Sum(p(i, j), {j, 1, n}), {i, 1, m})
            relation: "="
            right: "1"
          - name: marginals-total
            left: Sum(Sum(p(a, b), {a, 1, m}), {b, 1, n})
            relation: "="
            right: "1"
          - name: entry-in-unit
            left: p(i, j)
            relation: "<"
            right: "1"
          - name: marginal-at-most-one
            left: Sum(p(i, b), {b, 1, n})
            relation: "<="
            right: "1"
          - name: wrong-total
            left: Sum(Sum(p(i, j), {j, 1, n}), {i, 1, m})
            relation: "="
            right: "1/2"
            expect: fails
          - name: wrong-entry-bound
            left: p(i, j)
            relation: "<"
            right: "1/2"
            expect: fails
        """);
    Map<String, ClaimResult> c = byName(r);
    for (String ok : new String[] {"total", "marginals-total", "entry-in-unit", "marginal-at-most-one"}) {
      assertTrue(c.get(ok).finding().status().holds(), ok + ": " + c.get(ok).finding());
    }
    for (String bad : new String[] {"wrong-total", "wrong-entry-bound"}) {
      assertEquals(Status.REFUTED, c.get(bad).finding().status(), bad + ": " + c.get(bad).finding());
      assertNotNull(c.get(bad).finding().counterexample());
    }
  }

  @Test
  void anInequalityAboutAnyMemberIsCheckedForEveryIndex() throws IOException {
    Report r = check("""
        claims:
          - name: softmax-positive
            left: Exp(z(k))/Sum(Exp(z(l)), {l, 1, n})
            relation: ">"
            right: "0"
          - name: softmax-at-most-one
            left: Exp(z(k))/Sum(Exp(z(l)), {l, 1, n})
            relation: "<="
            right: "1"
          - name: softmax-below-one
            left: Exp(z(k))/Sum(Exp(z(l)), {l, 1, n})
            relation: "<"
            right: "1"
            expect: fails
        """);
    Map<String, ClaimResult> c = byName(r);
    assertEquals(Status.PROVED, c.get("softmax-positive").finding().status(), c.get("softmax-positive").finding().toString());
    assertTrue(c.get("softmax-at-most-one").finding().status().holds(), c.get("softmax-at-most-one").finding().toString());
    // false at n = 1, where the only class gets probability 1
    var below = c.get("softmax-below-one").finding();
    assertEquals(Status.REFUTED, below.status(), below.toString());
    assertTrue(below.counterexample().point().get("n").equals("1"), below.counterexample().point().toString());
  }

  @Test
  void aTwoIndexFamilyNeedsBothIndices() throws IOException {
    Path p = dir.resolve("arity.yaml");
    Files.writeString(p, HEAD + """
        claims:
          - left: p(i)
            relation: "<"
            right: "1"
        """);
    InputError e = assertThrows(InputError.class, () -> new DerivationLoader(Fixtures.catalogue()).load(p));
    assertTrue(e.getMessage().contains("two indices"), e.getMessage());
  }
}
