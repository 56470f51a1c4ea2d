package stepwise.render;

import java.util.List;
import java.util.Map;
import stepwise.model.Text;

/**
 * Everything the teaching material shows, already in LaTeX and prose, independent of the
 * output format (HTML site, .tex, Markdown, images). Built from a checked Report.
 */
public record Material(List<Page> derivations, List<ClaimPage> claims, boolean passes, List<RuleEntry> rules) {
  public Material {
    derivations = List.copyOf(derivations);
    claims = List.copyOf(claims);
    rules = List.copyOf(rules);
  }

  /** Material with no rule catalogue (the site's catalogue page then lists nothing). */
  public Material(List<Page> derivations, List<ClaimPage> claims, boolean passes) {
    this(derivations, claims, passes, List.of());
  }

  /**
   * A catalogue entry for the site: its pattern typeset (left, relation, right) when the rule is
   * a pattern, else empty with summary its one-line form; conditions typeset; the description.
   */
  public record RuleEntry(String name, String family, String kind, Text description, String patternLatex,
      List<String> conditionsLatex, String summary) {
    public RuleEntry {
      conditionsLatex = List.copyOf(conditionsLatex);
    }
  }

  /** Verdict of a step, a derivation or a claim, for badges: proved, confirmed, refuted, unknown. */
  public record Verdict(String key, String words, boolean passes) {}

  /** One derivation. lines is its aligned block; steps its steps in detail. */
  public record Page(String id, Text title, Text summary, String file, Verdict verdict, boolean expectFailure,
      Text correction, List<SymbolRow> symbols, Line start, List<Line> lines, List<StepPage> steps,
      String relationLatex, Text relationText, String problem, String composedLatex) {
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
   * checks. wrongLatex is the author's line when it is the one refuted (a recorded slip), with
   * correctLatex the line Stepwise computed instead; both null otherwise.
   */
  public record StepPage(int number, String rule, Text ruleDescription, Text note, String relationLatex,
      Text relationWords, String formula, String resultLatex, String name, Verdict verdict, Text summary, int samples,
      double maxError, String expect, SpotTable spots, Text counterexample, String failure, String wrongLatex,
      String correctLatex, int line) {}

  /**
   * Sample points shown beside a step, in the form that fits its relation (kind): "equal" (both
   * sides and their difference), "order" (both sides and the slack, which is never negative),
   * "constant" (pairs of rows: the same point with two values of the variables, the difference
   * the same in both), "truth" (both statements' truth values), "values" (a new quantity: its
   * value and the previous line's), "counterexample" (where the author's line fails). Every
   * number is computed from the formulas shown (SpotValues).
   */
  public record SpotTable(String kind, List<String> variables, List<Text> headers, List<SpotRow> rows, Text explanation) {
    public SpotTable {
      variables = List.copyOf(variables);
      headers = List.copyOf(headers);
      rows = List.copyOf(rows);
    }

    public static final SpotTable NONE = new SpotTable("none", List.of(), List.of(), List.of(), Text.NONE);

    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  /**
   * A row: the point (variable's LaTeX name to its shown value, long vectors summarised), the
   * cells as shown, and the unrounded numbers behind them (null for a truth value or a value
   * that could not be computed). group ties the two rows of a "constant" pair.
   */
  public record SpotRow(Map<String, String> point, List<Text> cells, List<Double> values, int group) {
    public SpotRow {
      point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
      cells = List.copyOf(cells);
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  /** A claim: both sides in LaTeX, where they come from, the verdict and its reason. */
  public record ClaimPage(String id, Text statement, String file, String leftLatex, String relationLatex,
      String rightLatex, String leftSource, String rightSource, Verdict verdict, boolean expectFailure, Text correction,
      Text reason, Text counterexample, int line) {}
}
