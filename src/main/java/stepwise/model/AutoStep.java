package stepwise.model;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A step written "rule: auto" (or the file's goal:): the steps from the previous line to its
 * expect: are to be found by the search (stepwise.derive). Until they are, it does not apply.
 *
 * @param reader parses the parameters of found steps in the file's own scope
 * @param relation the relation wanted from the previous line to the goal ("=", "<=", ">=",
 *     "≃", "↗" or "↘" (the goal a strictly increasing or decreasing function of the line),
 *     "derivative" or "stationary" (in the one variable of variables), or null for any
 *     relation the steps compose to)
 * @param variables for "≃": the variables the dropped terms must not depend on; for
 *     "derivative" and "stationary": the variable, as the rule's in: takes it
 * @param goalField written as the file's goal: rather than as a step
 */
public record AutoStep(ExprReader reader, String relation, List<String> variables, boolean goalField) implements Call {
  public static final String RULE = "auto";

  public AutoStep {
    variables = List.copyOf(variables);
  }

  @Override
  public String ruleName() {
    return RULE;
  }

  @Override
  public Rewrite apply(IExpr expr, Domains domains) {
    throw new NotApplicable("rule auto: no steps were found to reach the expected expression (stepwise derive FILE"
        + " searches for them and says why)");
  }

  /** Whether a step of a derivation is still to be found. */
  public static boolean isAuto(Derivation.Step step) {
    return step.call() instanceof AutoStep;
  }
}
