package stepwise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check derivations: rewrite each step with its rule, verify it, and check the claims.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", description = "derivation files or folders (default: derivations/)")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--watch", description = "keep watching: re-check on every save of the files; verdicts of unchanged"
      + " steps come from a cache keyed by each step's content (Ctrl-C stops)")
  boolean watch;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() throws java.io.IOException {
    if (watch) {
      return new Watch(inputs, options, json, round -> {}).run();
    }
    return Job.run(inputs, options, json, null);
  }
}
