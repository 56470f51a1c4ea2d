package stepwise.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.matheclipse.core.interfaces.IExpr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stepwise.derive.AutoSteps;
import stepwise.derive.Derive;
import stepwise.load.TextFiles;
import stepwise.model.Derivation;
import stepwise.model.InputError;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.render.TextReport;

@Command(name = "derive", mixinStandardHelpOptions = true,
    description = {"Find the steps between a derivation's start and its goal: (or up to each 'rule: auto' step),"
        + " write the completed derivation and check it like any other.",
        "A goal that is not equal to the start (relation =) is refuted with a counterexample before any search."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:found, and the written derivation passes check", "1:not found, refuted, or the check failed",
        "2:bad input"})
final class DeriveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "a derivation file with goal: or rule: auto steps")
  Path file;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the completed derivation"
      + " (default: next to FILE, named <name>.derived.yaml)")
  Path out;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "search time per auto step (default ${DEFAULT-VALUE})",
      defaultValue = "30")
  double budget = 30;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    stepwise.rules.Catalogue catalogue;
    Pipeline pipeline;
    Derivation target;
    List<Derivation> all;
    String text;
    Path output;
    try {
      if (!(budget > 0) || budget > 3600) {
        throw new InputError(null, "--budget must be between 0 and 3600 seconds");
      }
      TextFiles.classify(file, false);
      catalogue = options.catalogue();
      pipeline = new Pipeline(catalogue, options.settings());
      all = pipeline.load(List.of(file));
      Path wanted = file.toAbsolutePath().normalize();
      target = all.stream().filter(d -> d.file().toAbsolutePath().normalize().equals(wanted)).findFirst().orElseThrow();
      if (!AutoSteps.has(target)) {
        throw new InputError(target.source(), "nothing to derive: the file has no goal: and no 'rule: auto' step");
      }
      text = TextFiles.read(file);
      output = out != null ? out : file.resolveSibling(file.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".derived.yaml");
      if (output.toAbsolutePath().normalize().equals(wanted)) {
        throw new InputError(null, "--out must not be the input file");
      }
    } catch (InputErrors e) {
      e.errors().forEach(error -> Main.ERR.println("error: " + error.describe()));
      return 2;
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      return 2;
    }
    IExpr start = startOf(target, all, pipeline);
    if (start == null) {
      Main.ERR.println("error: " + target.file() + ": the start is not available (the derivation it continues does not"
          + " reach a result)");
      return 1;
    }
    Derive derive = new Derive(catalogue, options.settings());
    Derive.Outcome outcome = derive.run(target, start, text, Duration.ofMillis((long) (budget * 1000)), Main.OUT);
    if (outcome.refuted()) {
      return 1;
    }
    try {
      Files.writeString(output, outcome.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      Main.ERR.println("error: cannot write " + output + ": " + e.getMessage());
      return 2;
    }
    if (!outcome.found()) {
      Main.OUT.println("Not found. The best partial chain is written to " + output
          + " (its 'rule: auto' step is still to be found).");
      return 1;
    }
    Main.OUT.println("Written to " + output + ". Checking it as written, like any derivation:");
    Main.OUT.println();
    try {
      List<Derivation> written = pipeline.load(List.of(output));
      Report report = pipeline.check(written);
      TextReport.print(report, Main.OUT);
      return report.passes() ? 0 : 1;
    } catch (InputErrors e) {
      e.errors().forEach(error -> Main.ERR.println("error: in the written file: " + error.describe()));
      return 1;
    }
  }

  /** The start expression, or the end of the derivation it continues (checked first). */
  private static IExpr startOf(Derivation target, List<Derivation> all, Pipeline pipeline) {
    if (target.start().continues() == null) {
      return target.start().expr();
    }
    List<Derivation> before = new ArrayList<>(all);
    before.remove(target);
    Report report = pipeline.check(before);
    return report.derivations().stream().filter(r -> r.derivation().id().equals(target.start().continues()))
        .findFirst().map(r -> r.rewritten() == null ? null : r.rewritten().end()).orElse(null);
  }
}
