package stepwise.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Builtins;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.Scope;

/**
 * The scope of one catalogue entry: allowed built-ins, structural predicates (FreeQ, ...),
 * pattern variables x_, and any other name as a variable local to the entry.
 */
public final class RuleScope implements Scope {
  private static final Map<String, IExpr> PREDICATES = Map.of("FreeQ", S.FreeQ, "NumberQ", S.NumberQ,
      "IntegerQ", S.IntegerQ, "SameQ", S.SameQ, "UnsameQ", S.UnsameQ);
  private final Map<String, ISymbol> locals = new HashMap<>();
  private final Map<String, ISymbol> heads;

  /** heads: names that stand for catalogue definitions' heads (H, KL, ...). */
  public RuleScope(Map<String, ISymbol> heads) {
    this.heads = heads;
  }

  public ISymbol local(String name) {
    return locals.computeIfAbsent(name, n -> new Symbol(n, Context.DUMMY));
  }

  public Map<String, ISymbol> locals() {
    return locals;
  }

  @Override
  public IExpr symbol(String name, int offset) {
    Optional<IExpr> constant = Builtins.constant(name);
    return constant.isPresent() ? constant.get() : local(name);
  }

  @Override
  public IExpr head(String name, int arity, int offset) {
    if (PREDICATES.containsKey(name)) {
      return PREDICATES.get(name);
    }
    if (name.equals("Derivative") && arity == 2) {
      return S.Derivative; // Derivative(f, u): f'(u) for a function variable f (OuterDerivatives)
    }
    if (name.equals(Predicates.DISTRIBUTION.getSymbolName())) {
      return Predicates.DISTRIBUTION;
    }
    var function = Builtins.function(name);
    if (function.isPresent()) {
      return function.get().symbol();
    }
    if (heads.containsKey(name)) {
      return heads.get(name);
    }
    if (Builtins.isSymjaName(name)) {
      throw new ExprSyntaxError(name + " is a Symja function the catalogue may not use", offset);
    }
    return local(name);
  }

  @Override
  public IExpr patternVariable(String name, IExpr headTest, int offset) {
    return stepwise.expr.Matcher.variable(local(name), headTest);
  }
}
