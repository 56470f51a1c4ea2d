package stepwise.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.load.CatalogueLoader;
import stepwise.load.DerivationLoader;
import stepwise.model.Derivation;

class RoadsRewriteTest {
  static {
    Cas.warmUp();
  }

  private static Rewritten run(String file) {
    Derivation d = new DerivationLoader(CatalogueLoader.builtIn()).load(Path.of("derivations", file));
    Rewritten r = new Rewriter().run(d, d.start().expr());
    for (RewrittenStep s : r.steps()) {
      System.out.println(s.spec().label() + ": " + (s.applied() ? ExprPrinter.print(s.after()) : "FAILED " + s.failure()));
      if (s.spec().expect() != null && s.applied()) {
        assertEquals(ExprPrinter.print(s.spec().expect()), ExprPrinter.print(s.after()), s.spec().label());
      }
    }
    System.out.println("relation: " + (r.relation() == null ? r.relationError() : r.relation().describe()));
    return r;
  }

  @Test
  void roadA() {
    Rewritten r = run("bce-from-likelihood.yaml");
    assertEquals("-(y*Log(yhat) + (1 - y)*Log(1 - yhat))", ExprPrinter.print(r.end()));
  }

  @Test
  void roadB() {
    Rewritten r = run("bce-from-kl.yaml");
    assertEquals("-(y*Log(yhat) + (1 - y)*Log(1 - yhat))", ExprPrinter.print(r.end()));
  }
}
