package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import stepwise.cas.Cas;
import stepwise.load.CatalogueLoader;

class CatalogueLoadsTest {
  static {
    Cas.warmUp();
  }

  @Test
  void builtInCatalogueLoads() {
    Catalogue c = CatalogueLoader.builtIn();
    assertTrue(c.rule("log-of-product").isPresent());
    assertFalse(c.normalizers().isEmpty());
    c.rules().forEach(r -> System.out.println(r.name() + "  " + r.summary()));
  }
}
