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
    for (Rule r : c.rules()) {
      assertFalse(r.description().en().isEmpty(), r.name() + " has an English description");
      assertFalse(r.description().zh().isEmpty(), r.name() + " has a Chinese description");
    }
  }
}
