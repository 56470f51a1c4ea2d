package stepwise.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A derivation as loaded from its file: symbols and their domains, where it starts, its steps
 * and the claims the file makes. It may continue another derivation (start: {from: id}).
 *
 * @param expectFailure the file records a mistake: checking passes only if some step is refuted
 */
public record Derivation(String id, Path file, Text title, Text summary, Map<String, SymbolDecl> symbols,
    Domains domains, Start start, List<Step> steps, List<Claim> claims, boolean expectFailure, Text correction,
    Source source) {

  public Derivation {
    symbols = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(symbols)); // file order
    steps = List.copyOf(steps);
    claims = List.copyOf(claims);
  }

  /** Whether the file derives anything (a file may hold only claims). */
  public boolean hasSteps() {
    return start != null;
  }

  /**
   * The start: an expression (with an optional name such as J and its LaTeX), or the result
   * of another derivation.
   */
  public record Start(IExpr expr, String text, String continues, String name, Text note, Source source) {}

  /**
   * One step as written: the rule called with its parameters bound.
   *
   * @param number 1-based
   * @param repeat apply again until the rule no longer applies
   * @param expect the author's expected result, or null
   * @param name a name for the result (J, C(P, Q)) to show and to refer to in claims
   */
  public record Step(int number, String rule, Call call, boolean repeat, IExpr expect, String expectText,
      String name, Text note, Source source) {
    public String label() {
      return "step " + number + " (" + rule + ")";
    }
  }
}
