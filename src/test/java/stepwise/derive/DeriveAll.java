package stepwise.derive;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.cli.Cli;
import stepwise.expr.ExprPrinter;
import stepwise.model.Derivation;
import stepwise.model.Relation;
import stepwise.pipeline.Pipeline;
import stepwise.rewrite.Rewriter;
import stepwise.rewrite.Rewritten;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/**
 * The full measure of stepwise derive: every derivation file, stripped of its steps (start,
 * symbols and the last step's expression as the goal:, with the relation the hand-written
 * steps compose to), derived again with --budget, each written file checked again with the
 * ordinary check, and a table printed (Markdown): file, outcome, seconds, steps found against
 * steps written by hand.
 *
 * <pre>
 *   src/bench/derive-all.sh [--budget 30] [--out DIR] [FILE|DIR ...]   (default: derivations)
 * </pre>
 *
 * In one JVM, so the seconds are those of the search and the checks, not of start-up. The
 * stripped files keep a start: from: reference; the file it names is stripped too, so its
 * result comes from its own search (as check does for a goal:).
 */
public final class DeriveAll {
  private static final Pattern FOUND = Pattern.compile("found (\\d+) steps?");

  private DeriveAll() {}

  public static void main(String[] args) throws IOException {
    double budget = 30;
    Path out = Files.createTempDirectory("derive-all");
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--budget" -> budget = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> roots.add(Path.of(args[i]));
      }
    }
    if (roots.isEmpty()) {
      roots.add(Path.of("derivations"));
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    Map<Path, Stripped> stripped = strip(files, out);
    System.out.println("| file | derive says | seconds (wall / CPU) | steps found / by hand | check of the written file |");
    System.out.println("|---|---|---|---|---|");
    int found = 0;
    int refutedMistakes = 0;
    int claimsOnly = 0;
    List<String> wrong = new ArrayList<>();
    for (Path file : files) {
      Stripped s = stripped.get(file);
      if (s.goalFile() == null) {
        System.out.println("| `" + file + "`" + s.note() + " | nothing to derive: no start and no steps, only claims | - | - / 0 | - |");
        claimsOnly++;
        continue;
      }
      Path written = s.goalFile().resolveSibling(s.goalFile().getFileName().toString().replace(".yaml", ".derived.yaml"));
      long wall = System.nanoTime();
      long cpu = processCpu();
      Cli derive = Cli.run("derive", s.goalFile().toString(), "--out", written.toString(), "--budget", String.valueOf(budget));
      String seconds = String.format(Locale.ROOT, "%.1f / %.1f", (System.nanoTime() - wall) / 1e9, (processCpu() - cpu) / 1e9);
      String outcome = outcome(derive);
      Matcher m = FOUND.matcher(derive.out());
      String steps = derive.exit() == 0 && m.find() ? m.group(1) : "-";
      String check = "-";
      if (derive.exit() == 0) {
        Cli again = Cli.run("check", written.toString());
        check = again.exit() == 0 && again.out().contains("ALL PASS") ? "ALL PASS" : "FAILS (exit " + again.exit() + ")";
        found += again.exit() == 0 ? 1 : 0;
        if (s.mistake()) {
          wrong.add(file + " (a recorded mistake, found: read what the found chain means)");
        }
      } else if (outcome.startsWith("refuted")) {
        if (s.mistake()) {
          refutedMistakes++;
          outcome = "correctly " + outcome;
        } else {
          wrong.add(file + " (a correct derivation, refuted)");
        }
      }
      System.out.println("| `" + file + "`" + s.note() + " | " + outcome + " | " + seconds + " | " + steps + " / " + s.handSteps()
          + " | " + check + " |");
      System.out.flush();
    }
    System.out.println();
    System.out.println(found + " of " + files.size() + " found and passing check, " + refutedMistakes
        + " recorded mistakes correctly refuted, " + claimsOnly + " claims only (budget " + budget
        + " s each; stripped files in " + out + ")");
    if (!wrong.isEmpty()) {
      System.out.println("Read with care: " + String.join("; ", wrong));
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** What derive answered, in a few words. */
  private static String outcome(Cli derive) {
    String text = derive.out() + derive.err();
    if (derive.exit() == 0) {
      return "found";
    }
    if (derive.exit() == 2) {
      return "bad input: " + firstLine(derive.err());
    }
    if (text.contains("The goal is false")) {
      return "refuted: " + firstLine(text.substring(text.indexOf("The goal is false"))).replace("|", "\\|");
    }
    Matcher m = Pattern.compile("not found[^(\\n]*").matcher(text);
    return m.find() ? m.group().strip() : "exit " + derive.exit() + ": " + firstLine(text);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** mistake: a recorded mistake (expect: fails), whose goal should be refuted, not found. */
  record Stripped(Path goalFile, int handSteps, String note, boolean mistake) {}

  /**
   * Writes the stripped files under out (keeping the folder layout, so start: from: finds its
   * file): top-level steps:, claims:, expect: and correction: removed, goal: added.
   */
  private static Map<Path, Stripped> strip(List<Path> files, Path out) throws IOException {
    Pipeline pipeline = new Pipeline(stepwise.load.CatalogueLoader.builtIn(), Settings.DEFAULT);
    Map<Path, Stripped> result = new LinkedHashMap<>();
    for (Path file : files) {
      List<Derivation> loaded = pipeline.load(List.of(file));
      Path asked = file.toAbsolutePath().normalize();
      Derivation d = loaded.stream().filter(x -> x.file().toAbsolutePath().normalize().equals(asked)).findFirst().orElseThrow();
      if (d.start() == null || !d.hasSteps()) {
        result.put(file, new Stripped(null, 0, " (claims only)", false));
        continue;
      }
      Rewritten hand = rewrite(d, loaded);
      Derivation.Step last = d.steps().get(d.steps().size() - 1);
      String goal = last.expectText() != null ? last.expectText() : ExprPrinter.print(hand.end());
      Relation relation = hand.relation();
      StringBuilder goalBlock = new StringBuilder("goal:\n  expr: ").append(DerivationWriter.scalar(goal, false)).append('\n');
      // a substitution (given U(i) = 1/n) specialises: the written steps hold in that case, not "=" in general
      // (≃ and the orders are kept: the search may specialise under them)
      String wanted = hand.given().isEmpty() || List.of("<=", ">=", "≃").contains(wanted(relation)) ? wanted(relation) : null;
      if (wanted != null) {
        goalBlock.append("  relation: \"").append(wanted).append("\"\n");
        if (relation instanceof Relation.UpToConstant u) {
          goalBlock.append("  variables: [").append(String.join(", ", u.over().stream().sorted().toList())).append("]\n");
        } else if (relation instanceof Relation.Monotone m && !m.over().isEmpty()) {
          goalBlock.append("  variables: [").append(String.join(", ", m.over().stream().sorted().toList())).append("]\n");
        } else if (relation instanceof Relation.Derived derived) {
          goalBlock.append("  variables: [\"").append(derivedVariable(derived)).append("\"]\n");
        }
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String kept = withoutBlocks(text, List.of("steps", "claims", "expect", "correction")).stripTrailing() + "\n";
      Path target = out.resolve(file.getParent() == null ? Path.of(".") : file.getParent()).resolve(file.getFileName());
      Files.createDirectories(target.getParent());
      Files.writeString(target, "# " + file + " with its steps removed (stepwise.derive.DeriveAll)\n" + kept + goalBlock,
          StandardCharsets.UTF_8);
      String note = d.expectFailure() ? " (a recorded mistake)" : d.start().continues() != null
          ? " (continues " + d.start().continues() + ")" : "";
      result.put(file, new Stripped(target, d.steps().size(), note + (wanted == null ? "" : ", " + wanted
          + (relation instanceof Relation.UpToConstant u ? " over " + String.join(", ", u.over())
            : relation instanceof Relation.Monotone m && !m.over().isEmpty() ? " in " + String.join(", ", m.over())
            : relation instanceof Relation.Derived derived ? " in " + derivedVariable(derived) : "")), d.expectFailure()));
    }
    return result;
  }

  /** The hand-written steps run (not checked): the relation they compose to and where they end. */
  private static Rewritten rewrite(Derivation d, List<Derivation> loaded) {
    IExpr start = d.start().expr();
    if (d.start().continues() != null) {
      Derivation before = loaded.stream().filter(x -> x.id().equals(d.start().continues())).findFirst().orElseThrow();
      start = rewrite(before, loaded).end();
    }
    return new Rewriter().run(d, start);
  }

  private static final Pattern ONE_DERIVATIVE = Pattern.compile("(derivative|stationary point) in (\\S+)( \\(a (minimum|maximum)\\))?");

  /**
   * The goal: relation for what the hand-written steps compose to, so that a recorded mistake
   * is asked exactly what its author claimed (and refuted by the precheck): =, <=, >=, ≃, ↗ or
   * ↘ (with the variables when it holds for fixed values of the others), derivative or stationary point in one variable
   * when that is the one computed step (equalities around it); null (any) for the others (an
   * average, a derivative of a transform).
   */
  private static String wanted(Relation r) {
    if (r instanceof Relation.Order o) {
      return switch (o.op()) {
        case EQ -> "=";
        case LE, LT -> "<=";
        case GE, GT -> ">=";
      };
    }
    if (r instanceof Relation.Monotone m) {
      return m.increasing() ? "↗" : "↘";
    }
    if (r instanceof Relation.Derived derived) {
      Matcher m = ONE_DERIVATIVE.matcher(derived.how());
      return m.matches() ? (m.group(1).equals("derivative") ? "derivative" : "stationary") : null;
    }
    return r instanceof Relation.UpToConstant ? "≃" : null;
  }

  /** The variable of a derivative or stationary point, as in: writes it (z(k) for an entry). */
  private static String derivedVariable(Relation.Derived derived) {
    Matcher m = ONE_DERIVATIVE.matcher(derived.how());
    return m.matches() ? m.group(2) : "";
  }

  /** The text without the named top-level blocks (a block runs to the next unindented key). */
  static String withoutBlocks(String text, List<String> keys) {
    StringBuilder out = new StringBuilder();
    boolean dropping = false;
    for (String line : text.split("\n", -1)) {
      Matcher m = Pattern.compile("^([A-Za-z_]+)\\s*:").matcher(line);
      if (m.find()) {
        dropping = keys.contains(m.group(1));
      }
      if (!dropping) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
