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

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    return Job.run(inputs, options, json, null);
  }
}
