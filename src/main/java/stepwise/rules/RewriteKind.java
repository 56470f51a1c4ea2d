package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Relation;

/**
 * lhs -> rhs rules. Validated when built: every variable of rhs and of the conditions must be
 * bound by lhs (a right side using an unbound variable is a load error, not a surprise later).
 */
final class RewriteKind implements RuleKind {
  @Override
  public String name() {
    return "rewrite";
  }

  @Override
  public Set<String> fields() {
    return Set.of("lhs", "rhs", "where", "relation", "normalize");
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    IExpr lhs = spec.expr("lhs");
    IExpr rhs = spec.expr("rhs");
    Set<ISymbol> bound = patternVariables(lhs);
    requireBound(spec, "rhs", rhs, bound, catalogue);
    if (OuterDerivatives.mentions(lhs)) {
      throw spec.error("lhs", "rule " + spec.name() + ": Derivative(f, u) may only stand on the right side");
    }
    String misuse = OuterDerivatives.invalidUse(rhs, lhs);
    if (misuse != null) {
      throw spec.error("rhs", "rule " + spec.name() + ": " + misuse);
    }
    List<IExpr> when = new ArrayList<>();
    List<IExpr> where = new ArrayList<>();
    for (String text : spec.texts("where")) {
      IExpr condition = spec.parse("where", text);
      requireBound(spec, "where", condition, bound, catalogue);
      (Conditions.isStructural(condition) ? when : where).add(condition);
    }
    Relation relation = Relations.parse(spec.text("relation").orElse("="),
        () -> spec.error("relation", "relation must be one of =, <=, >="));
    PatternRule rule = new PatternRule(spec.name(), spec.family(), spec.description(), lhs, rhs, when, where, relation);
    if (spec.text("normalize").map(Boolean::parseBoolean).orElse(false)) {
      if (!relation.equals(Relation.EQUAL)) {
        throw spec.error("normalize", "only equalities can be used to normalize");
      }
      if (!spec.vetted()) {
        throw spec.error("normalize", "normalize is only for the built-in catalogue: the verifier trusts those rules"
            + " in its proofs, and a rule file's rules are checked at every use instead");
      }
      catalogue.addNormalizer(rule);
    }
    return rule;
  }

  @Override
  public boolean soundWhateverItsFields() {
    return false;
  }

  static Set<ISymbol> patternVariables(IExpr expr) {
    Set<ISymbol> out = new HashSet<>();
    Trees.contains(expr, e -> {
      if (e instanceof IPatternObject p && p.getSymbol() != null) {
        out.add(p.getSymbol());
      }
      return false;
    });
    return out;
  }

  /** Every rule-local variable used in expr must be bound by the left side. */
  static void requireBound(RuleSpec spec, String field, IExpr expr, Set<ISymbol> bound, Catalogue catalogue) {
    for (ISymbol symbol : Trees.symbols(expr)) {
      if (UserSymbols.isUser(symbol) && !bound.contains(symbol) && !catalogue.heads().containsValue(symbol)
          && !symbol.equals(Predicates.DISTRIBUTION)) {
        throw spec.error(field, "rule " + spec.name() + ": " + field + " uses " + symbol.getSymbolName()
            + ", which the left side does not bind");
      }
    }
  }
}
