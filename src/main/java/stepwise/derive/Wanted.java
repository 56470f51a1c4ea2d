package stepwise.derive;

import java.util.List;
import stepwise.model.Relation;

/**
 * The relation a goal asks for between the line searched from and the goal: "=", "<=", ">=",
 * "≃" (over variables), "↗" / "↘" (the goal a strictly increasing / decreasing function of the
 * line), "derivative" / "stationary" (the goal is the derivative in, or the stationary point
 * in, the one variable of variables, reached through equalities), or null for any relation
 * the steps compose to. It decides which kinds of step the search may take and whether a
 * chain's composed relation is acceptable.
 */
record Wanted(String relation, List<String> variables) {
  Wanted {
    variables = List.copyOf(variables);
  }

  static final Wanted ANY = new Wanted(null, List.of());

  boolean monotone() {
    return "↗".equals(relation) || "↘".equals(relation);
  }

  /** A derived quantity of one variable: the derivative, or the stationary point. */
  boolean derived() {
    return "derivative".equals(relation) || "stationary".equals(relation);
  }

  boolean allowsTransforms() {
    return relation == null || monotone();
  }

  boolean allowsOrder() {
    return relation == null || relation.equals("<=") || relation.equals(">=");
  }

  /** Dropping a term: for ≃, for a monotone goal in some variables, and before a derivative in a variable the term does not depend on. */
  boolean allowsDrop() {
    return relation == null || relation.equals("≃") || derived() || monotone() && !variables.isEmpty();
  }

  /**
   * A monotone relation for fixed values of everything but over (empty: of the whole start)
   * gives the one asked: over empty, or holding all the variables asked for.
   */
  private boolean keepsOrderIn(java.util.Set<String> over) {
    return over.isEmpty() || !variables.isEmpty() && over.containsAll(variables);
  }

  boolean allowsDerived() {
    return relation == null || derived();
  }

  /**
   * A substitution (n = 2) specialises: its result holds in that case only, never "=" in general;
   * nor an order (KL(P, Q) >= 0 "found" by setting P(i) = Q(i) = 1/n shows one case, not the
   * bound). Under ≃ it may: the binary cross-entropy is the two-outcome case of H(P, Q).
   */
  boolean allowsSpecialising() {
    return relation == null || relation.equals("≃");
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
      // a transform of the whole expression (over empty), or with variables: for fixed values of all but them (≃ too)
      case "↗", "↘" -> step instanceof Relation.Monotone m && keepsOrderIn(m.over())
          || step instanceof Relation.UpToConstant u && !variables.isEmpty() && u.over().containsAll(variables);
      case "derivative", "stationary" -> step instanceof Relation.UpToConstant u && u.over().contains(family())
          || step instanceof Relation.Derived d && isTheOne(d);
      default -> false;
    };
  }

  /** Whether the chain's composed relation gives what was asked. */
  boolean satisfiedBy(Relation composed) {
    if (composed == null) {
      return false;
    }
    if (relation == null) {
      return true;
    }
    if (monotone()) { // the identity is strictly increasing
      return composed.equals(Relation.EQUAL) && relation.equals("↗") || composed instanceof Relation.Monotone m
          && keepsOrderIn(m.over()) && m.increasing() == relation.equals("↗")
          || composed instanceof Relation.UpToConstant u && relation.equals("↗") && !variables.isEmpty()
          && u.over().containsAll(variables);
    }
    if (derived()) { // exactly one derivative (or stationary point), equalities around it
      return composed instanceof Relation.Derived d && isTheOne(d);
    }
    return allowsStep(composed);
  }

  /** The derivative (or stationary point) asked for, alone: "derivative in z(k)", not "derivative of ..., then ...". */
  private boolean isTheOne(Relation.Derived d) {
    String v = variables.get(0);
    return relation.equals("derivative") ? d.how().equals("derivative in " + v)
        : d.how().equals("stationary point in " + v) || d.how().startsWith("stationary point in " + v + " (");
  }

  /** The variables a dropped term must not depend on: those of ≃, the derivative's variable (its family for x(k)). */
  List<String> dropVariables() {
    return derived() ? List.of(family()) : relation != null && (relation.equals("≃") || monotone()) ? variables : List.of();
  }

  /** Whether a derivative in this variable (as in: writes it), of this order, may be tried. */
  boolean allowsDerivativeIn(String variable, boolean higherOrder) {
    return relation == null || relation.equals("derivative") && !higherOrder && variable.equals(variables.get(0));
  }

  /** The variable's name, or the family's for an entry x(k). */
  private String family() {
    String v = variables.get(0);
    return v.contains("(") ? v.substring(0, v.indexOf('(')).strip() : v;
  }

  String describe() {
    if (relation == null) {
      return "any relation";
    }
    return switch (relation) {
      case "≃" -> "≃ over " + String.join(", ", variables);
      case "↗", "↘" -> "a strictly " + (relation.equals("↗") ? "increasing" : "decreasing") + " function of the start"
          + (variables.isEmpty() ? "" : " for fixed values of everything but " + String.join(", ", variables));
      case "derivative" -> "the derivative in " + variables.get(0);
      case "stationary" -> "the stationary point in " + variables.get(0);
      default -> relation;
    };
  }
}
