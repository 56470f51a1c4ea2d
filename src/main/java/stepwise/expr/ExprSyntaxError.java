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
}
