package stepwise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes derivation files for tests into a temporary folder. */
public final class DerivationFiles {
  private DerivationFiles() {}

  public static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, yaml.stripIndent());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of a shipped derivation with one piece of text replaced (it must occur). */
  public static Path copyWith(Path dir, String shipped, String from, String to) {
    try {
      String text = Files.readString(Path.of("derivations", shipped));
      if (!text.contains(from)) {
        throw new IllegalArgumentException(shipped + " does not contain " + from);
      }
      return write(dir, shipped, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
