package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;

/** Expanding named definitions (H(P), KL(P, Q), ...) into their bodies. */
public final class Definitions {
  private static final int MAX_DEPTH = 20;

  private Definitions() {}

  /** The body of d applied to args; a summing body takes its index and range from the support. */
  public static IExpr instantiate(Definition d, List<IExpr> args, Domains domains) {
    Map<IExpr, IExpr> map = new HashMap<>();
    for (int k = 0; k < d.arity(); k++) {
      map.put(d.params().get(k), args.get(k));
    }
    if (d.support() != null) {
      IExpr supportArg = map.get(d.support());
      Domain.Family family = supportArg instanceof ISymbol s ? domains.family(s) : null;
      if (family == null || family.second() != null) {
        throw new Call.NotApplicable(d.name() + " needs " + ExprPrinter.print(supportArg)
            + " to be a declared distribution or family with one index (and its range)");
      }
      map.put(d.index(), family.index());
      map.put(d.lo(), family.lo());
      map.put(d.hi(), family.hi());
    }
    return Trees.tidy(Trees.substitute(d.body(), map));
  }

  /** The definition called at the top of expr, if expr is such a call. */
  public static Optional<Definition> calledAt(IExpr expr, Catalogue catalogue) {
    if (expr instanceof IAST ast) {
      return catalogue.definitionFor(ast.head(), ast.argSize());
    }
    return Optional.empty();
  }

  /** Every definition call unfolded, bodies included (definitions may use one another). */
  public static IExpr unfoldAll(IExpr expr, Catalogue catalogue, Domains domains) {
    IExpr current = expr;
    for (int round = 0; round < MAX_DEPTH; round++) {
      IExpr next = unfoldOnce(current, catalogue, domains);
      if (next == current) {
        return current;
      }
      current = next;
    }
    throw new Call.NotApplicable("definitions unfold more than " + MAX_DEPTH + " levels deep");
  }

  private static IExpr unfoldOnce(IExpr expr, Catalogue catalogue, Domains domains) {
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    Optional<Definition> d = calledAt(expr, catalogue);
    if (d.isPresent()) {
      return instantiate(d.get(), Trees.args(ast), domains);
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    boolean changed = false;
    for (int i = 1; i <= ast.argSize(); i++) {
      IExpr arg = unfoldOnce(ast.get(i), catalogue, domains);
      changed |= arg != ast.get(i);
      rebuilt.append(arg);
    }
    return changed ? Trees.tidy(rebuilt) : expr;
  }
}
