package stepwise.derive;

import java.util.List;
import stepwise.model.Relation;

/**
 * The relation a goal asks for between the line searched from and the goal: "=", "<=", ">=",
 * "≃" (over variables) or null for any relation the steps compose to. It decides which kinds
 * of step the search may take and whether a chain's composed relation is acceptable.
 */
record Wanted(String relation, List<String> variables) {
  Wanted {
    variables = List.copyOf(variables);
  }

  static final Wanted ANY = new Wanted(null, List.of());

  boolean allowsTransforms() {
    return relation == null;
  }

  boolean allowsOrder() {
    return relation == null || relation.equals("<=") || relation.equals(">=");
  }

  boolean allowsDrop() {
    return relation == null || relation.equals("≃");
  }

  boolean allowsDerived() {
    return relation == null;
  }

  /** A substitution (n = 2) specialises: its result holds in that case only, never "=" in general. */
  boolean allowsSpecialising() {
    return relation == null || !relation.equals("=");
  }

  /** Whether a step with this relation may be part of the chain. */
  boolean allowsStep(Relation step) {
    if (step instanceof Relation.Order o && o.op() == Relation.Op.EQ) {
      return true;
    }
    if (relation == null) {
      return true;
    }
    return switch (relation) {
      case "<=" -> step instanceof Relation.Order o && (o.op() == Relation.Op.LE || o.op() == Relation.Op.LT);
      case ">=" -> step instanceof Relation.Order o && (o.op() == Relation.Op.GE || o.op() == Relation.Op.GT);
      case "≃" -> step instanceof Relation.UpToConstant u && variables.containsAll(u.over())
          && u.over().containsAll(variables);
      default -> false;
    };
  }

  /** Whether the chain's composed relation gives what was asked. */
  boolean satisfiedBy(Relation composed) {
    return composed != null && (relation == null || allowsStep(composed));
  }

  String describe() {
    if (relation == null) {
      return "any relation";
    }
    return relation.equals("≃") ? "≃ over " + String.join(", ", variables) : relation;
  }
}
