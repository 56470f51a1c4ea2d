package stepwise.model;

/**
 * A statement checked on its own: left RELATION right, under the given domains. relation is
 * one of identical, =, <=, >=, <, >, or (claims about functions) convex, concave, increasing,
 * decreasing. A claim expected to fail passes when it is refuted.
 */
public record Claim(String id, Text statement, Operand left, String relation, Operand right,
    java.util.List<String> variables, Domains domains, boolean expectFailure, Text correction, Source source) {
  /** The relations a claim may state. */
  public static final java.util.List<String> RELATIONS = java.util.List.of("identical", "=", "==", "<=", ">=", "<", ">");
}
