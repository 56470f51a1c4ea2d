package stepwise.model;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line and column (0 if unknown). */
public record Source(Path file, int line, int column) {
  public static Source of(Path file) {
    return new Source(file, 0, 0);
  }

  public Source atColumnOffset(int offset) {
    return new Source(file, line, column + offset);
  }

  @Override
  public String toString() {
    String name = file == null ? "<input>" : file.toString();
    if (line <= 0) {
      return name;
    }
    return name + ":" + line + (column > 0 ? ":" + column : "");
  }
}
