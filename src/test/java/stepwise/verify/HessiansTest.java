package stepwise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.expr.Trees;

/**
 * Convexity in three or more variables: symmetric elimination (pivots) where it goes through,
 * else every principal minor of the Hessian, not only the leading ones; a saddle that neither
 * can prove is refuted by a chord.
 */
class HessiansTest {
  @TempDir
  Path dir;

  @Test
  void theDeterminantByCofactorsIsSymjasDeterminant() {
    IExpr[][] h = new IExpr[3][3];
    int[][] values = {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        h[i][j] = Fixtures.parse(values[i][j] + "*a");
      }
    }
    IExpr det = Cas.evaluate(Trees.node(org.matheclipse.core.expression.S.Expand, Hessians.determinant(h, List.of(0, 1, 2))));
    assertEquals(Cas.evaluate(Fixtures.parse("4*a^3")), det);
    IExpr corner = Cas.evaluate(Trees.node(org.matheclipse.core.expression.S.Expand, Hessians.determinant(h, List.of(0, 2))));
    assertEquals(Cas.evaluate(Fixtures.parse("4*a^2")), corner);
  }

  @Test
  void convexityAndConcavityInThreeVariablesAreProvedByElimination() {
    var report = Fixtures.check(DerivationFiles.write(dir, "c.yaml", """
        symbols: {x: real, y: real, z: real, t: positive}
        claims:
          - name: convex-quadratic
            left: x^2 + y^2 + z^2 + x*y + t*(x - z)^2
            relation: convex
            variables: [x, y, z]
          - name: concave-quadratic
            left: -(x^2 + y^2 + z^2 + x*y)
            relation: concave
            variables: [x, y, z]
        """));
    for (var claim : report.claims()) {
      assertEquals(Status.PROVED, claim.finding().status(), claim.finding().reason());
      assertTrue(claim.finding().method().contains("pivots"), claim.finding().method()); // definite: elimination suffices
    }
  }

  @Test
  void aSemidefiniteHessianWithZeroLeadingMinorsIsStillProved() {
    // Hessian [[0,0,0],[0,2,0],[0,0,2]]: the leading minors are all 0, which would not settle it
    // by Sylvester's test, yet every principal minor is >= 0
    var report = Fixtures.check(DerivationFiles.write(dir, "s.yaml", """
        symbols: {x: real, y: real, z: real}
        claims:
          - name: flat-in-x
            left: y^2 + z^2 + x
            relation: convex
            variables: [x, y, z]
          - name: zero-leading-minors-but-a-saddle
            left: y^2 - z^2 + x
            relation: convex
            variables: [x, y, z]
            expect: fails
        """));
    var flat = report.claims().get(0);
    assertEquals(Status.PROVED, flat.finding().status(), flat.finding().reason());
    assertTrue(flat.finding().method().contains("principal minors"), flat.finding().method()); // a zero first pivot
    var saddle = report.claims().get(1);
    assertEquals(Status.REFUTED, saddle.finding().status(), saddle.finding().reason());
    assertNotNull(saddle.finding().counterexample());
  }

  @Test
  void logSumExpInThreeVariablesIsProvedByPivots() {
    // H = diag(s) - s s^T with s the softmax: its last pivot is 0, so it is semidefinite, not definite
    var report = Fixtures.check(DerivationFiles.write(dir, "lse.yaml", """
        symbols: {x: real, y: real, z: real}
        claims:
          - name: log-sum-exp
            left: Log(E^x + E^y + E^z)
            relation: convex
            variables: [x, y, z]
          - name: log-sum-exp-is-not-concave
            left: Log(E^x + E^y + E^z)
            relation: concave
            variables: [x, y, z]
            expect: fails
        """));
    var convex = report.claims().get(0).finding();
    assertEquals(Status.PROVED, convex.status(), convex.reason());
    assertTrue(convex.method().contains("pivots"), convex.method());
    assertEquals(Status.REFUTED, report.claims().get(1).finding().status(), report.claims().get(1).finding().reason());
  }
}
