package stepwise.model;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * What one step did: the new expression, the relation it claims to the old one, and the
 * obligations whose proof makes the step valid. The verifier checks every obligation; the rule
 * is trusted for nothing.
 *
 * @param introduced domains of symbols the step brings in (e.g. per-sample copies y(k))
 * @param detail what was done, for reports (e.g. "at 2 places")
 * @param given what the step assumes beyond the domains (a substitution n = 2 specialises the
 *     derivation: its result holds in that case, not in general)
 * @param computed the result in Symja's form when the rule computes it (a derivative) rather
 *     than rewriting the author's expression; null otherwise
 */
public record Rewrite(IExpr before, IExpr after, Relation relation, List<Obligation> obligations,
    Domains introduced, String detail, List<String> given, IExpr computed) {
  public Rewrite {
    obligations = List.copyOf(obligations);
    given = List.copyOf(given);
  }

  public Rewrite(IExpr before, IExpr after, Relation relation, List<Obligation> obligations, Domains introduced,
      String detail, List<String> given) {
    this(before, after, relation, obligations, introduced, detail, given, null);
  }

  public Rewrite(IExpr before, IExpr after, Relation relation, List<Obligation> obligations, Domains introduced,
      String detail) {
    this(before, after, relation, obligations, introduced, detail, List.of(), null);
  }

  /** A result computed by Symja, whose form an author's expect: may replace. */
  public static Rewrite computed(IExpr before, IExpr result, Relation relation, List<Obligation> obligations,
      String detail) {
    return new Rewrite(before, result, relation, obligations, Domains.NONE, detail, List.of(), result);
  }

  /**
   * The same step shown and continued in the author's form. Only for computed results: the
   * verifier then checks the author's form against what was computed.
   */
  public Rewrite inAuthorForm(IExpr form) {
    if (computed == null) {
      throw new IllegalStateException("only a computed result takes the author's form");
    }
    return new Rewrite(before, form, relation, obligations, introduced, detail, given, computed);
  }

  /** What the rule produced, before any author's form replaced it. */
  public IExpr produced() {
    return computed != null ? computed : after;
  }
}
