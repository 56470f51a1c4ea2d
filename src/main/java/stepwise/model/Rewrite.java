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
 */
public record Rewrite(IExpr before, IExpr after, Relation relation, List<Obligation> obligations,
    Domains introduced, String detail) {
  public Rewrite {
    obligations = List.copyOf(obligations);
  }
}
