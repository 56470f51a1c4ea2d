package stepwise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.pipeline.EquivBatch;
import stepwise.pipeline.EquivLine;
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

  @Option(names = "--jobs", paramLabel = "N", description = "with --batch: pairs checked at once, each under its own"
      + " deadline (default: the number of processors, ${DEFAULT-VALUE} here); the output is the same for any N")
  int jobs = Runtime.getRuntime().availableProcessors();

  /** Plain syntax, or LaTeX with --latex / --extract (read by stepwise.latex); notes say what --extract took. */
  private Equivalence.Question parse(Equivalence equivalence, String l, String r, String a, Source where,
      Consumer<String> notes) {
    if (!latex && !extract) {
      return equivalence.parse(l, r, a, where);
    }
    stepwise.latex.LatexInput.Question read = stepwise.latex.LatexInput.question(l, r, a, where, extract,
        stepwise.latex.LatexVocabulary.open(functions, symbols), notes);
    return Equivalence.question(read.left(), read.right(), read.assumptions(), where);
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
      Finding f = equivalence.check(parse(equivalence, left, right, assume, null, Main.OUT::println));
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
    return EquivLine.describe(f);
  }

  /**
   * Streams the file through jobs threads, each pair under its own deadline; verdicts are printed in
   * line order as they complete, so the output is the same with one thread or many.
   */
  private int batch(Equivalence equivalence) {
    if (jobs < 1) {
      throw new InputError(null, "--jobs must be at least 1");
    }
    EquivLine checker = latex || extract
        ? new EquivLine(equivalence, (l, r, a, where, notes) -> parse(equivalence, l, r, a, where, notes))
        : new EquivLine(equivalence);
    Progress[] progress = {Progress.SILENT}; // a bar once the number of pairs is known, on a terminal only
    EquivBatch.Totals totals;
    try {
      totals = new EquivBatch(checker, jobs).run(batch, new EquivBatch.Listener() {
        @Override
        public void started(int pairs) {
          progress[0] = Progress.start("equiv", pairs);
        }

        @Override
        public void verdict(EquivLine.Verdict v) {
          progress[0].println(v.output());
          progress[0].step();
        }
      });
    } finally {
      progress[0].close();
    }
    Main.OUT.println(totals.describe());
    return totals.bad() > 0 ? 2 : totals.count(Status.UNKNOWN) > 0 ? 3 : 0;
  }
}
