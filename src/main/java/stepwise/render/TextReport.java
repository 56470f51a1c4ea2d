package stepwise.render;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import stepwise.expr.ExprPrinter;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Report;
import stepwise.rewrite.RewrittenStep;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/** The check command's table: one row per step, then the claims and a one-line total. */
public final class TextReport {
  private static final int EXPRESSION_WIDTH = 56;

  private TextReport() {}

  public static void print(Report report, PrintStream out) {
    for (DerivationResult d : report.derivations()) {
      if (d.derivation().hasSteps()) {
        derivation(d, out);
      }
    }
    if (!report.claims().isEmpty()) {
      out.println("Claims");
      for (ClaimResult c : report.claims()) {
        claim(c, out);
      }
      out.println();
    }
    out.println(total(report));
  }

  private static void derivation(DerivationResult d, PrintStream out) {
    var derivation = d.derivation();
    out.println(derivation.id() + ": " + derivation.title().en() + "   (" + derivation.file() + ")");
    if (derivation.expectFailure()) {
      out.println("  [records a mistake: it passes if a step is refuted]");
    }
    if (d.rewritten() == null) {
      out.println("  not checked: " + d.problem());
      out.println();
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "rule", "rel", "expression", "verdict", "samples", "max error"});
    rows.add(new String[] {"0", d.derivation().start().continues() != null ? "(from " + d.derivation().start().continues() + ")"
        : "start", "", ExprPrinter.print(d.rewritten().start()), "", "", ""});
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < d.rewritten().steps().size(); i++) {
      RewrittenStep step = d.rewritten().steps().get(i);
      StepVerdict v = d.verdicts().get(i);
      String expression = step.applied() ? ExprPrinter.print(step.after())
          : step.spec().expect() != null ? "(expected) " + ExprPrinter.print(step.spec().expect()) : "-";
      rows.add(new String[] {String.valueOf(step.spec().number()), step.spec().rule() + (step.spec().call() != null
          && step.spec().call().found() ? " (found)" : ""),
          step.applied() ? step.rewrite().relation().symbol() : "", expression, v.status().words(),
          v.samples() == 0 ? "-" : String.valueOf(v.samples()), v.samples() == 0 ? "-" : String.format("%.1e", v.maxError())});
      notes.addAll(notes(step, v));
    }
    table(rows, out);
    for (String note : notes) {
      out.println("  " + note);
    }
    String relation = d.rewritten().relation() != null ? d.rewritten().relation().describe()
        : "relations do not compose: " + d.problem();
    out.println("  start to end: " + relation
        + (d.rewritten().given().isEmpty() ? "" : ", given " + String.join(", ", d.rewritten().given())));
    out.println("  => " + (d.passes() ? "PASS" : "FAIL") + " (" + d.status().words()
        + (derivation.expectFailure() ? ", as a recorded mistake" : "") + ")");
    out.println();
  }

  private static List<String> notes(RewrittenStep step, StepVerdict v) {
    List<String> out = new ArrayList<>();
    String at = "step " + step.spec().number() + ": ";
    if (!step.applied()) {
      out.add(at + v.summary());
      return out;
    }
    if (v.expect() == StepVerdict.ExpectMatch.VALUE) {
      out.add(at + "equal in value to the expected " + ExprPrinter.print(step.spec().expect()) + ", written differently");
    }
    for (Finding f : v.findings()) {
      if (f.status() == Status.REFUTED || f.status() == Status.UNKNOWN) {
        out.add(at + f.status().words() + ": " + f.what() + ": " + f.reason());
      }
    }
    return out;
  }

  private static void claim(ClaimResult c, PrintStream out) {
    Finding f = c.finding();
    String left = c.claim().left() instanceof stepwise.model.Operand.ResultOf r ? r.describe() : ExprPrinter.print(c.left());
    String right = c.claim().right() instanceof stepwise.model.Operand.ResultOf r ? r.describe()
        : c.right() == null ? "" : ExprPrinter.print(c.right());
    String in = c.claim().isShape() ? " in " + String.join(", ", c.claim().variables()) : "";
    out.println("  " + c.claim().id() + ": " + left + "  " + c.claim().relation() + in + (right.isEmpty() ? "" : "  " + right));
    if (c.left() != null && c.claim().relation().equals("identical") && f.status() == Status.PROVED) {
      out.println("      both: " + ExprPrinter.print(c.left()));
    }
    String verdict = f.status().words() + (f.method().isEmpty() ? "" : " (" + f.method() + ")")
        + (f.reason().isEmpty() ? "" : ": " + f.reason());
    out.println("      " + verdict + (c.claim().expectFailure() ? "   [expected to fail]" : "") + "  => "
        + (c.passes() ? "PASS" : "FAIL"));
  }

  private static String total(Report report) {
    int steps = 0;
    int[] byStatus = new int[Status.values().length];
    for (DerivationResult d : report.derivations()) {
      for (StepVerdict v : d.verdicts()) {
        steps++;
        byStatus[v.status().ordinal()]++;
      }
    }
    long derivations = report.derivations().stream().filter(d -> d.derivation().hasSteps()).count();
    long passing = report.derivations().stream().filter(d -> d.derivation().hasSteps() && d.passes()).count();
    long claimsPassing = report.claims().stream().filter(ClaimResult::passes).count();
    StringBuilder b = new StringBuilder();
    b.append(derivations).append(" derivation").append(derivations == 1 ? "" : "s").append(" (").append(passing)
        .append(" pass), ").append(steps).append(" steps: ");
    List<String> parts = new ArrayList<>();
    for (Status s : Status.values()) {
      if (byStatus[s.ordinal()] > 0) {
        parts.add(byStatus[s.ordinal()] + " " + s.words());
      }
    }
    b.append(parts.isEmpty() ? "none" : String.join(", ", parts));
    b.append("; ").append(report.claims().size()).append(" claim").append(report.claims().size() == 1 ? "" : "s")
        .append(" (").append(claimsPassing).append(" pass). ");
    b.append(report.passes() ? "ALL PASS" : "SOME FAIL");
    return b.toString();
  }

  private static void table(List<String[]> rows, PrintStream out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        int w = c == 3 ? Math.min(row[c].length(), EXPRESSION_WIDTH) : row[c].length();
        width[c] = Math.max(width[c], w);
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      String overflow = null;
      for (int c = 0; c < columns; c++) {
        String cell = row[c];
        if (c == 3 && cell.length() > EXPRESSION_WIDTH) {
          overflow = cell;
          cell = "";
        }
        boolean right = c == 0 || c == 5 || c == 6;
        line.append(right ? pad(cell, width[c], true) : pad(cell, width[c], false)).append(c == columns - 1 ? "" : "  ");
      }
      out.println(line.toString().stripTrailing());
      if (overflow != null) {
        out.println("      " + overflow);
      }
    }
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }
}
