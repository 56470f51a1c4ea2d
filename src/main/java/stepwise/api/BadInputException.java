package stepwise.api;

import java.util.List;
import stepwise.model.InputError;

/**
 * Bad input: a formula that does not parse, an unknown rule, a derivation file that breaks a
 * rule of the format, a path that is not a file. Nothing was checked. Each problem names where
 * it is (file, line, column, step, as far as known); the message lists them one per line, as the
 * command line prints them.
 */
public final class BadInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  BadInputException(List<Problem> problems) {
    super(String.join("\n", problems.stream().map(Problem::describe).toList()));
    this.problems = List.copyOf(problems);
  }

  static BadInputException of(InputError e) {
    return new BadInputException(List.of(Problem.of(e)));
  }

  static BadInputException of(List<InputError> errors) {
    return new BadInputException(errors.stream().map(Problem::of).toList());
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem.
   *
   * @param file the file, or null for a formula given directly
   * @param line 1-based, 0 if not known
   * @param column 1-based, 0 if not known
   * @param step e.g. "step 2 (log-of-product)", or null
   * @param message what is wrong
   */
  public record Problem(String file, int line, int column, String step, String message) {
    static Problem of(InputError e) {
      var s = e.source();
      return new Problem(s == null || s.file() == null ? null : s.file().toString(), s == null ? 0 : s.line(),
          s == null ? 0 : s.column(), e.step(), e.getMessage());
    }

    /** file:line:column: step: message, as the command line prints it. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      if (file != null) {
        out.append(file);
        if (line > 0) {
          out.append(':').append(line);
          if (column > 0) {
            out.append(':').append(column);
          }
        }
        out.append(": ");
      }
      if (step != null) {
        out.append(step).append(": ");
      }
      return out.append(message).toString();
    }
  }
}
