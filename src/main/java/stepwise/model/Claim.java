package stepwise.model;

/**
 * A statement checked on its own: left RELATION right, under the given domains. relation is
 * one of identical, =, <=, >=, <, >, or (claims about functions of the variables) convex,
 * concave, increasing, decreasing. A claim expected to fail passes when it is refuted. by names
 * a derivation that proves it (its start and end are the claim's sides).
 */
public record Claim(String id, Text statement, Operand left, String relation, Operand right,
    java.util.List<String> variables, Domains domains, boolean expectFailure, Text correction, String by,
    Source source) {
  /** Relations between two sides. */
  public static final java.util.List<String> RELATIONS = java.util.List.of("identical", "=", "==", "<=", ">=", "<", ">");
  /** Properties of one expression as a function of the claim's variables. */
  public static final java.util.List<String> SHAPES = java.util.List.of("convex", "concave", "increasing", "decreasing");

  public boolean isShape() {
    return SHAPES.contains(relation);
  }
}
