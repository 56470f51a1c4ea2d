package stepwise.load;

import stepwise.expr.ExprParser;

/**
 * Every size and depth limit on input, in one place (the README's "Bad input" table lists the
 * same numbers). Each is checked while the input is read, so a huge or hostile file is refused
 * before it costs memory or time.
 */
public final class Limits {
  private Limits() {}

  /** Largest derivation, rule or batch file, in bytes (the shipped derivations are under 10 KB). */
  public static final long FILE_BYTES = 2_000_000;

  /** Longest line of any input file, in bytes: room for a batch line of two long formulas and assumptions. */
  public static final int LINE_BYTES = 65_536;

  /** Longest expression, in characters. */
  public static final int EXPRESSION_CHARS = ExprParser.MAX_LENGTH;

  /** Deepest nesting of brackets, powers and prefix/postfix operators in an expression. */
  public static final int EXPRESSION_DEPTH = ExprParser.MAX_DEPTH;

  /** Deepest tree an expression may parse to (chains of ! inside brackets add up). */
  public static final int EXPRESSION_TREE_DEPTH = ExprParser.MAX_TREE_DEPTH;

  /** Deepest nesting of YAML lists and mappings (a derivation file needs about 6). */
  public static final int YAML_DEPTH = 50;

  /** Longest latex: or name: field, in characters. */
  public static final int LATEX_CHARS = 1_000;

  /** Longest derivation id or claim name (they become file names in rendered output). */
  public static final int NAME_CHARS = 100;
}
