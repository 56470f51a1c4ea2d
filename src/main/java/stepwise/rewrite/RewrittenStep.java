package stepwise.rewrite;

import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.Rewrite;

/**
 * One step after rewriting: what it started from and, if its rule applied, the rewrite (new
 * expression, relation, obligations). failure says why the rule did not apply; the derivation
 * then goes on from the step's expect: if it has one.
 *
 * @param domains the domains in force at this step (declared plus introduced so far)
 */
public record RewrittenStep(Derivation.Step spec, IExpr before, Rewrite rewrite, String failure, Domains domains,
    boolean reached) {
  public boolean applied() {
    return rewrite != null;
  }

  /** The expression the next step starts from. */
  public IExpr after() {
    if (rewrite != null) {
      return rewrite.after();
    }
    return spec.expect();
  }
}
