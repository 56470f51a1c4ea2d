package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The methods of the newer provers (Pythagorean radicands, the binomial theorem, Hessians by
 * elimination), as the verifier words them, have a Chinese translation; no shipped derivation
 * uses them yet, so the site tests would not notice a missing one.
 */
class ProverWordsTest {
  @Test
  void theNewProofMethodsAreTranslated() {
    VerifierWords words = new VerifierWords(s -> s);
    List<String> methods = List.of(
        "Sin(u)^2 + Cos(u)^2 = 1 and Cosh(u)^2 - Sinh(u)^2 = 1 in a radicand; (u^a)^c = Abs(u)^(a c) for u real, a even;"
            + " Abs(u) = u for u >= 0; side conditions proved, then Expand",
        "the binomial theorem for an integer n >= 0 under the domains; then Expand",
        "its Hessian in the 3 variables is positive semidefinite: eliminating one variable at a time (H = L D L^T),"
            + " the first 2 pivots of H are positive and the last non-negative, each proved under the domains",
        "its Hessian in the 4 variables is negative semidefinite: eliminating one variable at a time (H = L D L^T),"
            + " the first 3 pivots of -H are positive and the last non-negative, each proved under the domains");
    for (String method : methods) {
      String zh = words.translate(method).zh();
      assertTrue(zh.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), method + " -> " + zh);
    }
    assertEquals(List.of(), words.untranslated());
    assertTrue(words.translate(methods.get(3)).zh().contains("半负定"));
  }
}
