package stepwise.latex;

import stepwise.expr.ExprSyntaxError;

/**
 * LaTeX that cannot be read (or can be read two ways). It is an {@link ExprSyntaxError}, so every
 * place that reports bad plain input reports bad LaTeX the same way; {@link #pointer} adds the
 * line with a caret under the place.
 */
public final class LatexSyntaxError extends ExprSyntaxError {
  private static final long serialVersionUID = 1L;

  public LatexSyntaxError(String message, int offset) {
    super(message, offset);
  }

  /** The input (or the 70 characters around the place) and a caret under the place, indented. */
  public static String pointer(String text, int offset) {
    int at = Math.max(0, Math.min(offset, text.length()));
    int from = Math.max(0, at - 40);
    int to = Math.min(text.length(), Math.max(at + 30, from + 70));
    String shown = (from > 0 ? "..." : "") + text.substring(from, to).replace('\n', ' ').replace('\t', ' ')
        + (to < text.length() ? "..." : "");
    int caret = at - from + (from > 0 ? 3 : 0);
    return "  " + shown + "\n  " + " ".repeat(caret) + "^";
  }

  /** "column N: message" and the pointer, the form every LaTeX error is shown in. */
  public String describe(String text) {
    return "column " + (offset() + 1) + ": " + getMessage() + "\n" + pointer(text, offset());
  }
}
