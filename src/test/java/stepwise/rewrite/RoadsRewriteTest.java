package stepwise.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.load.CatalogueLoader;
import stepwise.load.DerivationLoader;
import stepwise.model.Derivation;
import stepwise.verify.Settings;
import stepwise.verify.StepVerdict;
import stepwise.verify.Verifier;

class RoadsRewriteTest {
  static {
    Cas.warmUp();
  }

  private static Rewritten run(String file) {
    Derivation d = new DerivationLoader(CatalogueLoader.builtIn()).load(Path.of("derivations", file));
    Rewritten r = new Rewriter().run(d, d.start().expr());
    Verifier v = new Verifier(CatalogueLoader.builtIn(), Settings.DEFAULT);
    for (RewrittenStep s : r.steps()) {
      long t0 = System.nanoTime();
      StepVerdict verdict = v.verify(s);
      System.out.println(s.spec().label() + ": " + (s.applied() ? ExprPrinter.print(s.after()) : "FAILED " + s.failure())
          + "\n    " + verdict.status() + " | " + verdict.summary() + " | n=" + verdict.samples() + " err=" + verdict.maxError()
          + " | expect " + verdict.expect() + " | " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      verdict.findings().forEach(f -> System.out.println("      - " + f.what() + ": " + f.status() + " " + f.method() + " " + f.reason()));
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
