package stepwise.model;

/** Bad input: names where (file, line, column) and, when known, which step. Exit code 2. */
public class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Source source;
  private final String step;

  public InputError(Source source, String step, String message) {
    super(message);
    this.source = source;
    this.step = step;
  }

  public InputError(Source source, String message) {
    this(source, null, message);
  }

  public Source source() {
    return source;
  }

  public String step() {
    return step;
  }

  /** The same error, now known to belong to a step. */
  public InputError inStep(String stepName) {
    return step != null ? this : new InputError(source, stepName, getMessage());
  }

  /** file:line:col: step N: message */
  public String describe() {
    return (source == null ? "" : source + ": ") + (step == null ? "" : step + ": ") + getMessage();
  }
}
