package stepwise.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stepwise.load.TextFiles;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;
import stepwise.verify.Finding;
import stepwise.verify.Status;

@Command(name = "equiv", mixinStandardHelpOptions = true,
    description = {"Decide whether two formulas are equal: proved, confirmed numerically, refuted (with a counterexample"
        + " re-checked at 50 digits), or unknown.",
        "A variable with no stated domain ranges over the complex numbers, as in Symja and Mathematica."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:equal (proved or confirmed numerically)", "1:not equal", "2:bad input", "3:unknown"})
final class EquivCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "LHS")
  String left;

  @Parameters(index = "1", arity = "0..1", paramLabel = "RHS")
  String right;

  @Option(names = "--assume", paramLabel = "CONDITIONS",
      description = "assumptions, e.g. \"0 < p < 1 && (y == 0 || y == 1)\", \"x > 0 && Element(n, Integers)\"")
  String assume;

  @Option(names = "--batch", paramLabel = "FILE",
      description = "lines of lhs<TAB>rhs<TAB>assumptions[<TAB>anything]; True means no assumptions")
  Path batch;

  @Option(names = "--latex", description = "LHS and RHS (and the formula columns of --batch) are LaTeX; assumptions"
      + " may be plain or LaTeX (see the README, LaTeX input)")
  boolean latex;

  @Option(names = "--extract", description = "LHS and RHS are free text: take the last \\boxed{..}, else the last"
      + " $..$, \\(..\\) or \\[..\\], and say which; implies --latex")
  boolean extract;

  @Option(names = "--functions", split = ",", paramLabel = "NAMES", description = "with --latex: names read as"
      + " functions when a bracket follows, e.g. sigma,p")
  java.util.Set<String> functions = java.util.Set.of();

  @Option(names = "--symbols", split = ",", paramLabel = "NAMES", description = "with --latex: declared symbols"
      + " (a multi-letter name stays one symbol; e is a symbol, not Euler's number)")
  java.util.Set<String> symbols = java.util.Set.of();

  @Mixin
  CheckOptions options = new CheckOptions();

  /** Plain syntax, or LaTeX with --latex / --extract (read by stepwise.latex). */
  private Equivalence.Question parse(Equivalence equivalence, String l, String r, String a, Source where,
      String prefix) {
    if (!latex && !extract) {
      return equivalence.parse(l, r, a, where);
    }
    return stepwise.latex.LatexInput.question(l, r, a, where, extract,
        stepwise.latex.LatexVocabulary.open(functions, symbols), note -> Main.OUT.println(prefix + note));
  }

  @Override
  public Integer call() {
    try {
      Equivalence equivalence = new Equivalence(options.catalogue(), options.settings());
      if (batch != null) {
        if (left != null) {
          throw new InputError(null, "give either LHS RHS or --batch FILE, not both");
        }
        return batch(equivalence);
      }
      if (left == null || right == null) {
        throw new InputError(null, "equiv needs two formulas (or --batch FILE)");
      }
      for (String formula : new String[] {left, right}) {
        if (formula.matches("--[A-Za-z].*")) { // -x is a formula, --samples is an option
          throw new InputError(null, "unknown option '" + formula + "' (stepwise equiv --help lists the options)");
        }
      }
      Finding f = equivalence.check(parse(equivalence, left, right, assume, null, ""));
      Main.OUT.println(describe(f));
      return exitCode(f.status());
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      return 2;
    }
  }

  static int exitCode(Status s) {
    return switch (s) {
      case PROVED, CONFIRMED -> 0;
      case REFUTED -> 1;
      case UNKNOWN -> 3;
    };
  }

  static String describe(Finding f) {
    String numbers = f.samples() > 0 ? String.format("%d samples, max error %.1e", f.samples(), f.maxError()) : "";
    return switch (f.status()) {
      case PROVED -> "proved: " + f.method() + (numbers.isEmpty() ? "" : " (" + numbers + ")");
      case CONFIRMED -> "confirmed numerically (no symbolic proof): " + numbers;
      case REFUTED -> "refuted: " + f.reason() + " (re-checked at 50 digits)";
      case UNKNOWN -> "unknown: " + f.reason();
    };
  }

  private int batch(Equivalence equivalence) {
    List<String> lines = TextFiles.lines(batch); // every line read and checked before the first check runs
    Map<Status, Integer> totals = new EnumMap<>(Status.class);
    int bad = 0;
    int pairs = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      pairs++;
      Source where = new Source(batch, i + 1, 0);
      String[] cells = line.split("\t", -1);
      try {
        if (cells.length < 3) {
          throw new InputError(where, "expected lhs<TAB>rhs<TAB>assumptions");
        }
        Finding f = equivalence.check(parse(equivalence, cells[0], cells[1], cells[2], where, (i + 1) + ": "));
        totals.merge(f.status(), 1, Integer::sum);
        Main.OUT.println((i + 1) + ": " + describe(f));
      } catch (InputError e) {
        bad++;
        Main.OUT.println((i + 1) + ": bad input: " + e.getMessage());
      }
    }
    StringBuilder total = new StringBuilder(pairs + " pairs:");
    for (Status s : Status.values()) {
      total.append(' ').append(totals.getOrDefault(s, 0)).append(' ').append(s.words()).append(',');
    }
    total.append(' ').append(bad).append(" bad input");
    Main.OUT.println(total);
    return bad > 0 ? 2 : totals.getOrDefault(Status.UNKNOWN, 0) > 0 ? 3 : 0;
  }
}
