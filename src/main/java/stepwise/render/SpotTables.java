package stepwise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Relation;
import stepwise.model.Text;

/**
 * The spot-check table of a step, shaped by the step's relation: for = both sides and their
 * difference; for an inequality both sides and the slack (never negative when it holds); for
 * equality up to a term free of V the same point with two values of V, the difference the same
 * in both rows; for equivalent statements both truth values; for a new quantity its value; for
 * a refuted line the counterexample. Every number is computed from the two formulas given.
 */
final class SpotTables {
  /** Points a table shows; a reader wants a few representative ones, not a dump. */
  static final int MAX_POINTS = 4;
  /** A vector longer than this is summarised (first entries, …, last, and its length). */
  static final int VECTOR_SHOWN = 4;

  private final SpotValues values;
  private final LatexNames names;

  private final Latex latex;

  SpotTables(SpotValues values, LatexNames names, Latex latex) {
    this.values = values;
    this.names = names;
    this.latex = latex;
  }

  private static final Text PREVIOUS = new Text("previous line", "上一行");
  private static final Text THIS = new Text("this line", "这一行");
  private static final Text DIFFERENCE = new Text("difference", "差");

  /**
   * The table for a step that holds (or is unknown): before REL after at the verifier's
   * sample points. substitution: what the step put in (n = 2), applied to before first.
   */
  Material.SpotTable forStep(IExpr before, IExpr after, Relation relation, boolean statements,
      List<Map<String, String>> points, Map<String, IExpr> substitution) {
    List<Map<String, String>> shown = points.subList(0, Math.min(MAX_POINTS, points.size()));
    IExpr left = substitution.isEmpty() ? before : Substitution.apply(before, substitution);
    Text previous = substitution.isEmpty() ? PREVIOUS : new Text("previous line, substituted", "上一行（代入后）");
    if (statements) {
      return truthTable(left, after, shown, previous);
    }
    if (relation instanceof Relation.UpToConstant u) {
      return constantTable(left, after, u, points);
    }
    if (relation instanceof Relation.Order o && o.op() != Relation.Op.EQ) {
      return orderTable(left, after, o.op(), shown);
    }
    if (relation instanceof Relation.Derived d && after instanceof IAST eq && eq.head().equals(S.Equal)
        && eq.argSize() == 2 && eq.arg1() instanceof ISymbol variable) {
      return stationaryTable(left, variable, eq.arg2(), shown);
    }
    if (relation instanceof Relation.Derived d) {
      Text how = MaterialBuilder.derivedWords(d.how(), latex);
      return valuesTable(null, after, shown, new Text("this line: the " + how.en() + " of the previous line",
          "这一行：上一行" + how.zh()), new Text("The value of the new quantity at a few sample points.",
              "新的量在几个采样点上的值。"));
    }
    if (relation instanceof Relation.Monotone m) {
      return valuesTable(left, after, shown, THIS, m.increasing()
          ? new Text("This line is a strictly increasing function of the previous one: a larger previous line gives a"
              + " larger value here.", "这一行是上一行的严格递增函数：上一行越大，这一行越大。")
          : new Text("This line is a strictly decreasing function of the previous one: a larger previous line gives a"
              + " smaller value here.", "这一行是上一行的严格递减函数：上一行越大，这一行越小。"));
    }
    if (relation instanceof Relation.Mean) {
      return valuesTable(null, after, shown, new Text("this line: the average", "这一行：平均值"),
          new Text("The average at a few sample points.", "平均值在几个采样点上的值。"));
    }
    return equalTable(left, after, shown, previous, new Text(
        "Both sides at a few sample points: the difference is zero up to rounding.",
        "两边在几个采样点上的值：差在舍入误差内为零。"));
  }

  /** The counterexample to an author's line: the previous line and the author's line there, and their difference. */
  Material.SpotTable forRefuted(IExpr before, IExpr authorLine, boolean statements, Map<String, String> point,
      Text authorHeader) {
    if (statements) {
      Material.SpotTable t = truthTable(before, authorLine, List.of(point), PREVIOUS);
      return new Material.SpotTable("counterexample", t.variables(), List.of(PREVIOUS, authorHeader), t.rows(),
          new Text("At this point one statement holds and the other does not.", "在这个点上一个命题成立，另一个不成立。"));
    }
    if (authorLine instanceof IAST eq && eq.head().equals(S.Equal) && eq.argSize() == 2
        && eq.arg1() instanceof ISymbol variable) {
      // a wrong stationary point: the previous line's slope at the author's solution is not 0
      Material.SpotTable t = stationaryTable(before, variable, eq.arg2(), List.of(point));
      String v = Unicode.of(names.nameLatex(variable.getSymbolName()));
      return t.isEmpty() ? t : new Material.SpotTable(t.kind(), t.variables(), t.headers(), t.rows(), new Text(
          "At this point the previous line's derivative in " + v + " is not 0 at the author's solution, so the line is"
              + " wrong.", "在这个点上，上一行对 " + v + " 的导数在作者给出的解处不为零，所以这一行是错的。"));
    }
    Material.SpotTable t = equalTable(before, authorLine, List.of(point), PREVIOUS, Text.NONE);
    return new Material.SpotTable("counterexample", t.variables(), List.of(PREVIOUS, authorHeader, DIFFERENCE), t.rows(),
        new Text("At this point the two sides differ, so the line is wrong.", "在这个点上两边不相等，所以这一行是错的。"));
  }

  private Material.SpotTable equalTable(IExpr left, IExpr right, List<Map<String, String>> points, Text leftHeader,
      Text explanation) {
    List<Material.SpotRow> rows = new ArrayList<>();
    for (Map<String, String> p : points) {
      Double l = values.value(left, p);
      Double r = values.value(right, p);
      if ((l == null || r == null) && points.size() > 1) {
        continue; // a point where a side cannot be computed shows nothing: leave it out
      }
      Double d = l == null || r == null ? null : values.difference(left, right, p);
      rows.add(row(p, List.of(number(l), number(r), difference(d, l, r)), list(l, r, d), 0));
    }
    return new Material.SpotTable("equal", variables(points), List.of(leftHeader, THIS, DIFFERENCE), rows, explanation);
  }

  private Material.SpotTable orderTable(IExpr left, IExpr right, Relation.Op op, List<Map<String, String>> points) {
    // slack: how far the inequality holds; previous >= this has slack previous - this, and so on
    boolean previousLarger = op == Relation.Op.GE || op == Relation.Op.GT;
    Text slack = previousLarger ? new Text("slack: previous − this ≥ 0", "余量：上一行 − 这一行 ≥ 0")
        : new Text("slack: this − previous ≥ 0", "余量：这一行 − 上一行 ≥ 0");
    List<Material.SpotRow> rows = new ArrayList<>();
    for (Map<String, String> p : points) {
      Double l = values.value(left, p);
      Double r = values.value(right, p);
      Double d = l == null || r == null ? null : values.difference(left, right, p);
      Double s = d == null ? null : previousLarger ? d : -d;
      rows.add(row(p, List.of(number(l), number(r), difference(s, l, r)), list(l, r, s), 0));
    }
    String symbol = switch (op) {
      case GE -> "≥";
      case GT -> ">";
      case LE -> "≤";
      default -> "<";
    };
    return new Material.SpotTable("order", variables(points), List.of(PREVIOUS, THIS, slack), rows,
        new Text("The previous line " + symbol + " this line at every point: the slack is never negative.",
            "在每个点上都有 上一行 " + symbol + " 这一行：余量从不为负。"));
  }

  /**
   * Pairs of rows: a point, then the same point with other values of the variables in over;
   * the difference previous - this is the same in both rows of a pair.
   */
  private Material.SpotTable constantTable(IExpr left, IExpr right, Relation.UpToConstant u, List<Map<String, String>> points) {
    List<Material.SpotRow> rows = new ArrayList<>();
    int group = 0;
    for (Map<String, String> p : points) {
      if (group >= 3) {
        break;
      }
      Map<String, String> other = otherValues(p, u.over(), points);
      if (other == null) {
        continue;
      }
      group++;
      for (Map<String, String> q : List.of(p, other)) {
        Double l = values.value(left, q);
        Double r = values.value(right, q);
        Double d = l == null || r == null ? null : values.difference(left, right, q);
        rows.add(row(q, List.of(number(l), number(r), number(d)), list(l, r, d), group));
      }
    }
    String over = String.join(", ", new TreeSet<>(u.over()).stream().map(n -> Unicode.of(names.nameLatex(n))).toList());
    return new Material.SpotTable("constant", variables(points), List.of(PREVIOUS, THIS,
        new Text("previous − this", "上一行 − 这一行")), rows,
        new Text("Each pair is one point with two different values of " + over + ": the difference stays the same, so"
            + " dropping it does not change what is best in " + over + ".",
            "每一对是同一个点、取两个不同的 " + over + "：差保持不变，所以去掉它不改变关于 " + over + " 的最优解。"));
  }

  /** The same point with other values of the variables in over: from another sample point of the same shape, or reversed. */
  private static Map<String, String> otherValues(Map<String, String> p, java.util.Set<String> over,
      List<Map<String, String>> points) {
    for (Map<String, String> q : points) {
      boolean usable = true;
      boolean differs = false;
      for (String v : over) {
        String a = p.get(v);
        String b = q.get(v);
        if (a == null || b == null || length(a) != length(b)) {
          usable = false;
          break;
        }
        differs |= !a.equals(b);
      }
      if (usable && differs) {
        Map<String, String> out = new LinkedHashMap<>(p);
        over.forEach(v -> out.put(v, q.get(v)));
        return out;
      }
    }
    Map<String, String> out = new LinkedHashMap<>(p);
    boolean changed = false;
    for (String v : over) {
      String a = p.get(v);
      if (a != null && a.startsWith("(")) {
        List<String> parts = new ArrayList<>(List.of(a.substring(1, a.length() - 1).split(",\\s*")));
        java.util.Collections.reverse(parts);
        String reversed = "(" + String.join(", ", parts) + ")";
        changed |= !reversed.equals(a);
        out.put(v, reversed); // a distribution reversed is still a distribution
      }
    }
    return changed ? out : null;
  }

  private static int length(String value) {
    return value.startsWith("(") ? value.split(",").length : 1;
  }

  private Material.SpotTable truthTable(IExpr left, IExpr right, List<Map<String, String>> points, Text leftHeader) {
    List<Material.SpotRow> rows = new ArrayList<>();
    for (Map<String, String> p : points) {
      Boolean l = values.truth(left, p);
      Boolean r = values.truth(right, p);
      rows.add(row(p, List.of(truth(l), truth(r)), list(truthValue(l), truthValue(r)), 0));
    }
    return new Material.SpotTable("truth", variables(points), List.of(leftHeader, THIS), rows,
        new Text("Both statements are true at the same points and false at the same points.",
            "两个命题在同样的点上成立，在同样的点上不成立。"));
  }

  /**
   * A stationary point v == solution: the solution's value at each point and the previous
   * line's derivative in v there, which must be 0 (computed here from the two formulas shown).
   */
  private Material.SpotTable stationaryTable(IExpr previous, ISymbol variable, IExpr solution,
      List<Map<String, String>> points) {
    // the derivative first: substituting into D(..., v) would replace the variable of differentiation
    IExpr derivative = values.derivative(previous, variable);
    IExpr slopeAtSolution = derivative == null ? null : Trees.substitute(derivative, Map.of(variable, solution));
    String v = Unicode.of(names.nameLatex(variable.getSymbolName()));
    List<Material.SpotRow> rows = new ArrayList<>();
    for (Map<String, String> p : points) {
      Map<String, String> rest = new LinkedHashMap<>(p);
      rest.remove(variable.getSymbolName()); // the solution fixes the variable
      Double at = values.value(solution, rest);
      Double slope = slopeAtSolution == null ? null : values.value(slopeAtSolution, rest);
      if (at == null || slope == null) {
        continue; // the solution leaves the domain here (all y = 0 gives p = 0): nothing to show
      }
      rows.add(row(rest, List.of(number(at), difference(slope, at, at)), list(at, slope), 0));
    }
    if (rows.isEmpty()) {
      return Material.SpotTable.NONE;
    }
    return new Material.SpotTable("values", variables(points).stream()
        .filter(name -> !name.equals(names.nameLatex(variable.getSymbolName()))).toList(),
        List.of(new Text("the solution " + v, "解 " + v),
            new Text("derivative of the previous line in " + v + " there", "上一行在该处对 " + v + " 的导数")),
        rows, new Text("At each point the previous line's derivative in " + v + " vanishes at the solution.",
            "在每个点上，上一行对 " + v + " 的导数在解处为零。"));
  }

  private Material.SpotTable valuesTable(IExpr left, IExpr right, List<Map<String, String>> points, Text rightHeader,
      Text explanation) {
    List<Material.SpotRow> rows = new ArrayList<>();
    for (Map<String, String> p : points) {
      Double l = left == null ? null : values.value(left, p);
      Double r = values.value(right, p);
      if (r == null || left != null && l == null) {
        continue; // not computable at this point (a derivative in z(k) for a general k): shown nowhere
      }
      List<Text> cells = left == null ? List.of(number(r)) : List.of(number(l), number(r));
      rows.add(row(p, cells, left == null ? list(r) : list(l, r), 0));
    }
    if (rows.isEmpty()) {
      return Material.SpotTable.NONE; // no number to show is better than a row of dashes
    }
    return new Material.SpotTable("values", variables(points), left == null ? List.of(rightHeader)
        : List.of(PREVIOUS, rightHeader), rows, explanation);
  }

  private Material.SpotRow row(Map<String, String> point, List<Text> cells, List<Double> raw, int group) {
    Map<String, String> shown = new LinkedHashMap<>();
    point.forEach((k, v) -> shown.put(names.nameLatex(k), summarise(v)));
    return new Material.SpotRow(shown, cells, raw, group);
  }

  /** The variables of the points, by their LaTeX names (as the rows' points are keyed). */
  private List<String> variables(List<Map<String, String>> points) {
    List<String> out = new ArrayList<>();
    points.forEach(p -> p.keySet().forEach(k -> {
      String name = names.nameLatex(k);
      if (!out.contains(name)) {
        out.add(name);
      }
    }));
    return out;
  }

  private static List<Double> list(Double... values) {
    return java.util.Arrays.asList(values);
  }

  private static Double truthValue(Boolean b) {
    return b == null ? null : b ? 1.0 : 0.0;
  }

  private static Text truth(Boolean b) {
    return b == null ? new Text("—", "—") : b ? new Text("true", "成立") : new Text("false", "不成立");
  }

  /** A value rounded to 4 significant digits, no trailing zeros; "—" where it could not be computed. */
  static Text number(Double d) {
    String s = round(d);
    return new Text(s, s);
  }

  static String round(Double d) {
    if (d == null) {
      return "—";
    }
    if (d == 0) {
      return "0";
    }
    double a = Math.abs(d);
    String s = a >= 1e-4 && a < 1e6 ? new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros()
        .toPlainString() : String.format(Locale.ROOT, "%.3e", d).replaceAll("\\.?0+e", "e");
    return s.startsWith("-") ? "−" + s.substring(1) : s;
  }

  /** A difference: 0 when it is within rounding of the two sides' size, else the value. */
  private static Text difference(Double d, Double l, Double r) {
    if (d != null && l != null && r != null && Math.abs(d) <= 1e-12 * Math.max(1, Math.max(Math.abs(l), Math.abs(r)))) {
      return new Text("0", "0");
    }
    return number(d);
  }

  /** A long vector as its first entries, …, its last, and its length; numbers rounded. */
  static String summarise(String value) {
    if (!value.startsWith("(")) {
      return roundText(value);
    }
    String[] parts = value.substring(1, value.length() - 1).split(",\\s*");
    List<String> shown = new ArrayList<>();
    if (parts.length <= VECTOR_SHOWN + 1) {
      for (String p : parts) {
        shown.add(roundText(p));
      }
      return "(" + String.join(", ", shown) + ")";
    }
    for (int i = 0; i < VECTOR_SHOWN - 1; i++) {
      shown.add(roundText(parts[i]));
    }
    shown.add("…");
    shown.add(roundText(parts[parts.length - 1]));
    return "(" + String.join(", ", shown) + ") [" + parts.length + "]";
  }

  private static String roundText(String value) {
    try {
      java.math.BigDecimal d = new java.math.BigDecimal(value.strip());
      return d.precision() <= 4 ? d.toPlainString() : round(d.doubleValue());
    } catch (NumberFormatException e) {
      return value.strip();
    }
  }
}
