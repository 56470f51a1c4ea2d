package stepwise.rewrite;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.Relation;

/**
 * A derivation with every step's expression computed. relation is the composed relation from
 * start to end, or null with relationError saying why the steps' relations do not compose.
 */
public record Rewritten(Derivation derivation, IExpr start, List<RewrittenStep> steps, IExpr end, Relation relation,
    String relationError, Domains domains) {
  public Rewritten {
    steps = List.copyOf(steps);
  }

  /** What the derivation assumes beyond its domains: the substitutions of its steps (n = 2, ...). */
  public List<String> given() {
    return steps.stream().filter(RewrittenStep::applied).flatMap(s -> s.rewrite().given().stream()).toList();
  }

  /** The expression after the step with the given name (or number), or null. */
  public IExpr resultOf(String label) {
    for (RewrittenStep s : steps) {
      if (label.equals(s.spec().name()) || label.equals(String.valueOf(s.spec().number()))) {
        return s.after();
      }
    }
    if (label.equals(derivation.start().name()) || label.equals("0")) {
      return start;
    }
    return null;
  }
}
