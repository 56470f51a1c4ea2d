package stepwise.render;

import java.util.List;
import java.util.Map;
import stepwise.model.Text;

/**
 * Everything the teaching material shows, already in LaTeX and prose, independent of the
 * output format (HTML site, .tex, Markdown, images). Built from a checked Report.
 */
public record Material(List<Page> derivations, List<ClaimPage> claims, boolean passes) {
  public Material {
    derivations = List.copyOf(derivations);
    claims = List.copyOf(claims);
  }

  /** Verdict of a step, a derivation or a claim, for badges: proved, confirmed, refuted, unknown. */
  public record Verdict(String key, String words, boolean passes) {}

  /** One derivation. lines is its aligned block; steps its steps in detail. */
  public record Page(String id, Text title, Text summary, String file, Verdict verdict, boolean expectFailure,
      Text correction, List<SymbolRow> symbols, Line start, List<Line> lines, List<StepPage> steps,
      String relationLatex, String relationText, String problem) {
    public Page {
      symbols = List.copyOf(symbols);
      lines = List.copyOf(lines);
      steps = List.copyOf(steps);
    }
  }

  /** A declared symbol: its name, LaTeX, a Unicode rendering for prose (ŷ), domain, meaning. */
  public record SymbolRow(String name, String latex, String unicode, String domain, Text meaning) {}

  /**
   * A line of an aligned derivation: lhs (may be empty), relation (LaTeX: =, \simeq_{Q}, ...),
   * rhs, and the note beside it (the rule's description).
   */
  public record Line(String lhs, String relation, String rhs, Text note, int step) {
    /** The line as one formula, e.g. "J = -\log P(y \mid x)". */
    public String formula() {
      String left = lhs.isEmpty() ? "" : lhs + " ";
      return (left + relation + " " + rhs).strip();
    }
  }

  /**
   * One step in detail: the rule and its description, the note from the file, the relation,
   * the standalone formula (chain start, composed relation, result), the verdict and the spot
   * checks (a few sample points with both sides' values).
   */
  public record StepPage(int number, String rule, Text ruleDescription, Text note, String relationLatex,
      Text relationWords, String formula, String resultLatex, String name, Verdict verdict, String summary, int samples,
      double maxError, String expect, List<Spot> spots, Text spotLeft, Text spotRight, String counterexample,
      String failure) {
    public StepPage {
      spots = List.copyOf(spots);
    }
  }

  /** A sample point: the values (by LaTeX name), both sides there, and their difference. */
  public record Spot(Map<String, String> point, String left, String right, String difference) {
    public Spot {
      point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }
  }

  /** A claim: both sides in LaTeX, where they come from, the verdict and its reason. */
  public record ClaimPage(String id, Text statement, String file, String leftLatex, String relationLatex,
      String rightLatex, String leftSource, String rightSource, Verdict verdict, boolean expectFailure, Text correction,
      String reason, String counterexample) {}
}
