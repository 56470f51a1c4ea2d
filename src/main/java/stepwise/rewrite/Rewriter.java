package stepwise.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Trees;
import stepwise.model.Call;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.model.Relation;
import stepwise.model.Rewrite;

/**
 * Runs a derivation's steps: each step's rule computes the next expression from the previous
 * one. A rule that does not apply is reported on its step, never skipped silently; the run goes
 * on from the step's expect: if the author gave one.
 */
public final class Rewriter {
  /** Larger results are refused: a rule must not blow an expression up. */
  public static final int MAX_NODES = 20_000;
  private static final int MAX_REPEAT = 100;

  public Rewritten run(Derivation derivation, IExpr start) {
    Domains domains = derivation.domains();
    List<RewrittenStep> steps = new ArrayList<>();
    IExpr current = start;
    Relation relation = Relation.EQUAL;
    String relationError = null;
    for (Derivation.Step step : derivation.steps()) {
      if (current == null) {
        steps.add(new RewrittenStep(step, null, null, "not reached: an earlier step did not apply", domains, false));
        continue;
      }
      try {
        Rewrite rewrite = apply(step, current, domains);
        if (rewrite.computed() != null && step.expect() != null) {
          rewrite = rewrite.inAuthorForm(step.expect()); // checked against the computed form by the verifier
        }
        domains = domains.merge(rewrite.introduced());
        steps.add(new RewrittenStep(step, current, rewrite, null, domains, true));
        if (relationError == null) {
          try {
            relation = Relation.compose(relation, rewrite.relation());
          } catch (Relation.IncompatibleRelations e) {
            relationError = "after " + step.label() + ": " + e.getMessage();
          }
        }
        current = rewrite.after();
      } catch (Call.NotApplicable e) {
        steps.add(new RewrittenStep(step, current, null, e.getMessage(), domains, true));
        current = step.expect();
      }
    }
    return new Rewritten(derivation, start, steps, current, relationError == null ? relation : null, relationError,
        domains);
  }

  private static Rewrite apply(Derivation.Step step, IExpr expr, Domains domains) {
    Rewrite first = checked(step.call().apply(expr, domains));
    if (!step.repeat()) {
      return first;
    }
    List<Obligation> obligations = new ArrayList<>(first.obligations());
    List<String> given = new ArrayList<>(first.given());
    Relation relation = first.relation();
    Rewrite last = first;
    int times = 1;
    for (; times < MAX_REPEAT; times++) {
      Rewrite next;
      try {
        next = checked(step.call().apply(last.after(), domains.merge(last.introduced())));
      } catch (Call.NotApplicable e) {
        break;
      }
      obligations.addAll(next.obligations());
      given.addAll(next.given());
      relation = Relation.compose(relation, next.relation());
      last = next;
    }
    if (times == MAX_REPEAT) {
      throw new Call.NotApplicable("rule " + step.rule() + " still applies after " + MAX_REPEAT + " repetitions");
    }
    return new Rewrite(expr, last.after(), relation, obligations, first.introduced().merge(last.introduced()),
        "applied " + times + " time" + (times == 1 ? "" : "s"), given);
  }

  private static Rewrite checked(Rewrite rewrite) {
    if (Trees.size(rewrite.after()) > MAX_NODES) {
      throw new Call.NotApplicable("the result would have more than " + MAX_NODES + " nodes");
    }
    return rewrite;
  }
}
