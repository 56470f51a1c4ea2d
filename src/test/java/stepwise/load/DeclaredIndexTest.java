package stepwise.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.model.InputError;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.Report;

/**
 * A family's declared index (q over i = 1..n) may be used outside a sum, meaning any member
 * (an integer within the range), and a summation index inside its Sum; a name that is neither
 * is refused with the file, line, step and the declared names.
 */
class DeclaredIndexTest {
  @TempDir
  Path dir;

  private static final String HEAD = """
      title: {en: "t", zh: "t"}
      symbols:
        n: {domain: positive integer}
        q: {domain: distribution, index: i, range: 1..n}
      """;

  private Path file(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, HEAD + body);
    return p;
  }

  @Test
  void aDeclaredIndexOutsideASumIsAnyMember() throws IOException {
    Path p = file("free-index.yaml", """
        claims:
          - name: member-positive
            left: q(i)
            relation: ">"
            right: "0"
          - name: member-plus-total
            left: q(i) + Sum(q(j), {j, 1, n})
            relation: "="
            right: q(i) + 1
        """);
    Report r = Fixtures.check(p);
    for (ClaimResult c : r.claims()) {
      assertTrue(c.passes(), c.claim() + ": " + c.finding());
    }
    assertEquals(2, r.claims().size());
  }

  @Test
  void aSummationIndexInsideItsSumIsKnown() throws IOException {
    Path p = file("bound-index.yaml", """
        start:
          expr: Sum(q(k), {k, 1, n})
        steps:
          - rule: total-probability
            expect: "1"
        """);
    assertTrue(Fixtures.check(p).passes());
  }

  @Test
  void anUndeclaredNameNamesFileLineStepAndTheDeclaredNames() throws IOException {
    Path p = file("undeclared.yaml", """
        start:
          expr: Sum(q(i), {i, 1, n})
        steps:
          - rule: total-probability
            expect: j + 1 - j
        """);
    InputError e = assertThrows(InputError.class, () -> new DerivationLoader(Fixtures.catalogue()).load(p));
    String m = e.describe();
    assertTrue(m.contains("undeclared.yaml"), m);
    assertTrue(m.contains(":9"), "line 9: " + m);
    assertTrue(m.contains("step 1"), m);
    assertTrue(m.contains("unknown symbol j") && m.contains("declared: n, q") && m.contains("family indices"), m);
  }
}
