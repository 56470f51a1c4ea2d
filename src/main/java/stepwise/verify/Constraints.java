package stepwise.verify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;

/** Equality constraints such as a + b + c == 1, solved for a variable they are linear in. */
final class Constraints {
  private Constraints() {}

  /** One variable the equality is linear in (with a numeric coefficient), and its value. */
  record Solution(ISymbol variable, IExpr value) {}

  static Optional<Solution> solve(IExpr equality, Predicate<ISymbol> allowed) {
    IAST eq = (IAST) equality;
    IExpr g = Trees.plus(eq.arg1(), Trees.negate(eq.arg2()));
    for (ISymbol v : userSymbols(g)) {
      if (!allowed.test(v)) {
        continue;
      }
      IExpr slope = Cas.evaluate(Trees.node(S.D, g, v));
      if (!slope.isNumber() || slope.isZero()) {
        continue;
      }
      IExpr value = Cas.evaluate(Trees.node(S.Expand, Trees.plus(v, Trees.negate(Trees.times(g, Trees.power(slope, F.CN1))))));
      if (!Trees.contains(value, v::equals)) {
        return Optional.of(new Solution(v, value));
      }
    }
    return Optional.empty();
  }

  /** Solutions for as many of the equalities as can be solved, each for a different variable. */
  static Map<ISymbol, IExpr> solveAll(List<IExpr> equalities, Set<ISymbol> keep) {
    Map<ISymbol, IExpr> out = new LinkedHashMap<>();
    for (IExpr eq : equalities) {
      IExpr substituted = Trees.substitute(eq, out);
      solve(substituted, v -> !out.containsKey(v) && !keep.contains(v))
          .or(() -> solve(substituted, v -> !out.containsKey(v)))
          .ifPresent(s -> out.put(s.variable(), s.value()));
    }
    return out;
  }

  static Set<ISymbol> userSymbols(IExpr e) {
    Set<ISymbol> out = new LinkedHashSet<>();
    for (ISymbol s : Trees.symbols(e)) {
      if (UserSymbols.isUser(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
