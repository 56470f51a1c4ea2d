package stepwise.latex;

import java.util.function.Consumer;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.OpenScope;
import stepwise.expr.Scope;
import stepwise.model.Assumptions;
import stepwise.model.InputError;
import stepwise.model.Source;

/**
 * Where LaTeX comes in: the two sides of an equiv question (and free text to extract them from),
 * and a derivation field written between dollar signs. Errors are bad input with the column and a
 * caret under the place.
 */
public final class LatexInput {
  private LatexInput() {}

  /** The parts of an equiv question as read; assumptions is null when none are given. */
  public record Question(IExpr left, IExpr right, IExpr assumptions) {}

  /**
   * An equiv question with LaTeX sides. Assumptions may be written in the plain syntax or in
   * LaTeX: they are read as plain syntax when they parse as such, else as LaTeX. With extract, each
   * side is free text and the answer in it is taken (and what was taken is told to notes).
   */
  public static Question question(String left, String right, String assumptions, Source where,
      boolean extract, LatexVocabulary vocabulary, Consumer<String> notes) {
    IExpr l = side(left, "left side", where, extract, vocabulary, notes);
    IExpr r = side(right, "right side", where, extract, vocabulary, notes);
    IExpr a = null;
    if (Assumptions.stated(assumptions)) {
      try {
        a = ExprParser.parse(assumptions, new OpenScope());
      } catch (ExprSyntaxError plain) {
        a = read(assumptions, "assumptions", where, vocabulary);
      }
    }
    return new Question(l, r, a);
  }

  private static IExpr side(String text, String what, Source where, boolean extract, LatexVocabulary vocabulary,
      Consumer<String> notes) {
    String latex = text;
    if (extract) {
      try {
        LatexExtract.Extracted taken = LatexExtract.last(text);
        notes.accept(what + ": " + taken.describe());
        latex = taken.latex();
      } catch (LatexSyntaxError e) {
        throw new InputError(where, what + ": " + e.getMessage());
      }
    }
    return read(unwrap(latex), what, where, vocabulary);
  }

  private static IExpr read(String latex, String what, Source where, LatexVocabulary vocabulary) {
    try {
      return LatexReader.read(latex, new OpenScope(), vocabulary);
    } catch (LatexSyntaxError e) {
      throw new InputError(where, what + ", " + e.describe(latex));
    } catch (ExprSyntaxError e) { // a name the scope refused
      throw new InputError(where, what + ", " + new LatexSyntaxError(e.getMessage(), e.offset()).describe(latex));
    }
  }

  /** $x$ or \(x\) given on a command line is the formula x. */
  private static String unwrap(String latex) {
    String s = latex.strip();
    if (s.length() >= 2 && s.startsWith("$") && s.endsWith("$")) {
      return s.replaceAll("^\\$+|\\$+$", "");
    }
    if (s.startsWith("\\(") && s.endsWith("\\)") || s.startsWith("\\[") && s.endsWith("\\]")) {
      return s.substring(2, s.length() - 2);
    }
    return s;
  }

  /** Whether a derivation field is LaTeX: its value is written between dollar signs, $\frac{1}{2}\log x$. */
  public static boolean isLatexField(String text) {
    String s = text.strip();
    return s.length() >= 2 && s.startsWith("$") && s.endsWith("$");
  }

  /**
   * Reads a $..$ derivation field in the derivation's scope; an error's offset counts from the
   * start of the field, as the plain reader's do.
   */
  public static IExpr readField(String text, Scope scope, LatexVocabulary vocabulary) {
    int open = text.indexOf('$');
    int close = text.lastIndexOf('$');
    String inner = text.substring(open + 1, close);
    try {
      return LatexReader.read(inner, scope, vocabulary);
    } catch (ExprSyntaxError e) {
      throw new LatexSyntaxError(e.getMessage(), e.offset() + open + 1);
    }
  }
}
