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
  @Option(names = "--samples", paramLabel = "N", description = "sample points per numeric check (default ${DEFAULT-VALUE}, at least 100)",
      defaultValue = "200")
  int samples = 200;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "deadline of each symbolic check (default ${DEFAULT-VALUE})",
      defaultValue = "5")
  double timeout = 5;

  @Option(names = "--rules", paramLabel = "FILE", description = "an extra rule catalogue file (YAML, same format as the built-in one)")
  List<Path> rules = new ArrayList<>();

  Settings settings() {
    if (samples < 100) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--samples must be at least 100");
    }
    if (!(timeout > 0) || timeout > 3600) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--timeout must be between 0 and 3600 seconds");
    }
    return new Settings(samples, Duration.ofMillis((long) (timeout * 1000)), Settings.DEFAULT.seed());
  }

  Catalogue catalogue() {
    return rules.isEmpty() ? CatalogueLoader.builtIn() : CatalogueLoader.load(rules);
  }
}
