package stepwise.pipeline;

import java.util.List;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.OpenScope;
import stepwise.model.Assumptions;
import stepwise.model.Domains;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Verifier;

/**
 * Are two formulas equal? The same verifier as for derivation steps, on free-standing
 * formulas. A variable with no assumption ranges over the complex numbers.
 */
public final class Equivalence {
  private final Verifier verifier;

  public Equivalence(Catalogue catalogue, Settings settings) {
    this.verifier = new Verifier(catalogue, settings);
  }

  /** The parsed question, ready to check. */
  public record Question(IExpr left, IExpr right, Domains domains) {}

  /** Parses both sides and the assumptions ("True" or empty for none). */
  public Question parse(String left, String right, String assumptions, Source where) {
    return question(read(left, where, "left side"), read(right, where, "right side"),
        given(assumptions) ? read(assumptions, where, "assumptions") : null, where);
  }

  /** Whether an assumptions cell says anything ("True" or empty says nothing). */
  public static boolean given(String assumptions) {
    return assumptions != null && !assumptions.isBlank() && !assumptions.strip().equals("True");
  }

  /** The question from sides and assumptions already read (by any reader: plain or LaTeX); assumptions may be null. */
  public static Question question(IExpr l, IExpr r, IExpr assumptions, Source where) {
    Domains domains = Domains.NONE;
    if (assumptions != null) {
      try {
        domains = Assumptions.toDomains(assumptions, Domains.NONE);
      } catch (Assumptions.Unsupported e) {
        throw new InputError(where, e.getMessage());
      }
    }
    if (l.equals(S.True) || r.equals(S.True)) {
      throw new InputError(where, "a side is True: give formulas, not conditions");
    }
    return new Question(l, r, domains);
  }

  public Finding check(Question q) {
    return verifier.equal("left = right", q.left(), q.right(), q.domains(), List.of(), null);
  }

  private static IExpr read(String text, Source where, String what) {
    try {
      return ExprParser.parse(text, new OpenScope());
    } catch (ExprSyntaxError e) {
      throw new InputError(where, what + ", column " + (e.offset() + 1) + ": " + e.getMessage() + " in: " + stepwise.expr.ExprSyntaxError.excerpt(text, e.offset()));
    }
  }
}
