package stepwise.expr;

/** Input that is not a well-formed expression; offset is the 0-based character position. */
public class ExprSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public ExprSyntaxError(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }

  /** The input for a message: whole when short, else the 60 characters around the error. */
  public static String excerpt(String text, int offset) {
    if (text.length() <= 120) {
      return text;
    }
    int from = Math.max(0, Math.min(offset, text.length()) - 30);
    int to = Math.min(text.length(), from + 60);
    return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "")
        + " (" + text.length() + " characters)";
  }
}
