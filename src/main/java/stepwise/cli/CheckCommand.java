package stepwise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stepwise.model.Derivation;
import stepwise.model.InputError;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Inputs;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.render.JsonReport;
import stepwise.render.TextReport;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check derivations: rewrite each step with its rule, verify it, and check the claims.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", description = "derivation files or folders (default: derivations/)")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    List<Path> files;
    List<Derivation> derivations;
    Pipeline pipeline;
    try {
      pipeline = new Pipeline(options.catalogue(), options.settings());
      files = Inputs.files(inputs.isEmpty() ? List.of(Path.of("derivations")) : inputs);
      derivations = pipeline.load(files);
    } catch (InputErrors e) {
      e.errors().forEach(error -> Main.ERR.println("error: " + error.describe()));
      return 2;
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      return 2;
    }
    Report report = pipeline.check(derivations);
    if (json) {
      Main.OUT.println(JsonReport.of(report));
    } else {
      TextReport.print(report, Main.OUT);
    }
    return report.passes() ? 0 : 1;
  }
}
