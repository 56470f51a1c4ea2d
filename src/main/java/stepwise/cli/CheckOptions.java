package stepwise.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import stepwise.load.CatalogueLoader;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/** Options shared by the commands that verify. */
final class CheckOptions {
  @Option(names = "--samples", paramLabel = "N", description = "sample points per numeric check (default ${DEFAULT-VALUE}, 100 to 100000)",
      defaultValue = "200")
  int samples = 200;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "time limit of each check: a step, a claim or an equivalence (default ${DEFAULT-VALUE}); past it the verdict is unknown",
      defaultValue = "5")
  double timeout = 5;

  @Option(names = "--rules", paramLabel = "FILE", description = "an extra rule catalogue file (YAML, same format as the built-in one)")
  List<Path> rules = new ArrayList<>();

  /** The command these options belong to: its error stream and usage go with the message. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec command;

  Settings settings() {
    if (samples < 100 || samples > Settings.MAX_SAMPLES) {
      throw badOption("--samples must be between 100 and " + Settings.MAX_SAMPLES + " (got " + samples + ")");
    }
    if (!(timeout > 0) || timeout > 3600) {
      throw badOption("--timeout must be between 0 and 3600 seconds");
    }
    return new Settings(samples, Duration.ofMillis((long) (timeout * 1000)), Settings.DEFAULT.seed());
  }

  private picocli.CommandLine.ParameterException badOption(String message) {
    picocli.CommandLine owner = command != null ? command.commandLine() : new picocli.CommandLine(this);
    return new picocli.CommandLine.ParameterException(owner, message);
  }

  Catalogue catalogue() {
    return rules.isEmpty() ? CatalogueLoader.builtIn() : CatalogueLoader.load(rules);
  }
}
