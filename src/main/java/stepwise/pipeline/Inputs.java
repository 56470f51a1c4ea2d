package stepwise.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import stepwise.model.InputError;
import stepwise.model.Source;

/** The derivation files named on the command line: files as given, directories searched. */
public final class Inputs {
  private Inputs() {}

  public static List<Path> files(List<Path> arguments) {
    List<Path> out = new ArrayList<>();
    for (Path p : arguments) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted().forEach(out::add);
        } catch (IOException e) {
          throw new InputError(Source.of(p), "cannot list: " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new InputError(Source.of(p), "no such file or directory");
      }
    }
    if (out.isEmpty()) {
      throw new InputError(arguments.isEmpty() ? null : Source.of(arguments.get(0)), "no derivation files (*.yaml) found");
    }
    return out;
  }
}
