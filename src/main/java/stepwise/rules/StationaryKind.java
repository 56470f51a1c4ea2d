package stepwise.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Call;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Obligation;
import stepwise.model.Params;
import stepwise.model.Relation;
import stepwise.model.Rewrite;

/**
 * "Set the derivative to 0 and solve for θ" (in: theta, solution: its value): the next
 * expression is the equation theta == value. Verified by substituting back (the derivative is 0
 * there); second-order: minimum (or maximum) also asks that the second derivative be positive
 * (negative) there. Without solution:, Symja's Solve is asked and must give exactly one root.
 */
final class StationaryKind implements RuleKind {
  @Override
  public String name() {
    return "stationary";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "stationary") {
      @Override
      public String summary() {
        return "f -> theta == value, where D(f, theta) = 0   (in: theta, solution: value, second-order: minimum|maximum)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("in", "solution", "second-order"));
        IExpr v = reader.read(params.require(name(), "in"), params.sourceOf("in"));
        if (!(v instanceof ISymbol theta)) {
          throw new InputError(params.sourceOf("in"), "in: takes a variable name");
        }
        IExpr given = params.string("solution").map(t -> reader.read(t, params.sourceOf("solution"))).orElse(null);
        if (given != null && Trees.contains(given, theta::equals)) {
          throw new InputError(params.sourceOf("solution"), "solution: must not contain " + theta.getSymbolName());
        }
        String order = params.string("second-order").orElse("");
        if (!order.isEmpty() && !order.equals("minimum") && !order.equals("maximum")) {
          throw new InputError(params.sourceOf("second-order"), "second-order: takes minimum or maximum");
        }
        return call((expr, domains) -> apply(expr, theta, given, order, domains));
      }

      private Rewrite apply(IExpr expr, ISymbol theta, IExpr given, String order, Domains domains) {
        IExpr unfolded = Definitions.unfoldAll(expr, catalogue, domains);
        if (!Trees.contains(unfolded, theta::equals)) {
          throw new Call.NotApplicable(ExprPrinter.print(expr) + " does not depend on " + theta.getSymbolName());
        }
        IExpr slope;
        try {
          slope = Cas.evaluate(Trees.node(S.D, unfolded, theta));
        } catch (Cas.DeadlineExceeded | ArithmeticException e) {
          throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(expr));
        }
        if (Trees.contains(slope, e -> e.equals(S.D) || e.equals(S.Derivative))) {
          throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(expr) + " in " + theta.getSymbolName());
        }
        IExpr value = given != null ? given : solve(slope, theta);
        Map<IExpr, IExpr> at = Map.of(theta, value);
        List<Obligation> obligations = new ArrayList<>();
        obligations.add(new Obligation.Relates(Trees.node(S.D, expr, theta), Relation.EQUAL, Trees.tidy(slope), false,
            "the derivative in " + theta.getSymbolName()));
        obligations.add(new Obligation.Relates(Trees.tidy(Trees.substitute(slope, at)), Relation.EQUAL, F.C0, false,
            "the derivative is 0 at the solution"));
        if (!order.isEmpty()) {
          IExpr curvature = Trees.tidy(Trees.substitute(Cas.evaluate(Trees.node(S.D, slope, theta)), at));
          obligations.add(new Obligation.Condition(Trees.node(order.equals("minimum") ? S.Greater : S.Less, curvature, F.C0),
              List.of(), Domains.NONE, "second-order condition for a " + order + ": the second derivative is "
              + (order.equals("minimum") ? "positive" : "negative") + " there"));
        }
        IExpr after = Trees.node(S.Equal, theta, value);
        String how = "stationary point in " + theta.getSymbolName() + (order.isEmpty() ? "" : " (a " + order + ")");
        return new Rewrite(expr, after, new Relation.Derived(how, Set.of(theta.getSymbolName())), obligations,
            Domains.NONE, how);
      }

      private IExpr solve(IExpr slope, ISymbol theta) {
        IExpr roots;
        try {
          roots = Cas.evaluate(Trees.node(S.Solve, Trees.node(S.Equal, slope, F.C0), theta));
        } catch (Cas.DeadlineExceeded | ArithmeticException e) {
          throw new Call.NotApplicable("Symja could not solve for " + theta.getSymbolName() + ": give solution:");
        }
        if (roots instanceof IAST list && list.head().equals(S.List) && list.argSize() == 1
            && list.arg1() instanceof IAST rules && rules.argSize() == 1 && rules.arg1() instanceof IAST rule
            && rule.arg1().equals(theta)) {
          return Trees.tidy(rule.arg2());
        }
        throw new Call.NotApplicable("Symja found no single stationary point in " + theta.getSymbolName()
            + " (" + ExprPrinter.print(roots) + "): give solution:");
      }
    };
  }
}
