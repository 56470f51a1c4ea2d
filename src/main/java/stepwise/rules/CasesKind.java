package stepwise.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Call;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Obligation;
import stepwise.model.Params;
import stepwise.model.Relation;
import stepwise.model.Rewrite;

/**
 * Writes an expression case by case over a variable with a finite domain (on: y for y in
 * {0,1}): Piecewise({{value at y = 0, y == 0}, {value at y = 1, y == 1}}), each value with the
 * plain arithmetic done (1 - 0 = 1, x^0 = 1). It equals the expression on the whole domain.
 */
final class CasesKind implements RuleKind {
  @Override
  public String name() {
    return "cases";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "cases") {
      @Override
      public String summary() {
        return "f(y) -> Piecewise({{f(0), y == 0}, {f(1), y == 1}}) for y in {0, 1}   (on: y)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("on"));
        String name = params.require(name(), "on");
        IExpr v = reader.read(name, params.sourceOf("on"));
        if (!(v instanceof ISymbol variable)) {
          throw new InputError(params.sourceOf("on"), "on: takes a variable name");
        }
        return call((expr, domains) -> apply(expr, variable, domains));
      }

      private Rewrite apply(IExpr expr, ISymbol variable, Domains domains) {
        if (!(domains.of(variable) instanceof Domain.Finite finite)) {
          throw new Call.NotApplicable(variable.getSymbolName() + " does not have a finite domain such as {0,1}");
        }
        if (!Trees.contains(expr, variable::equals)) {
          throw new Call.NotApplicable(variable.getSymbolName() + " does not occur in " + ExprPrinter.print(expr));
        }
        Arithmetic arithmetic = new Arithmetic();
        List<IExpr> rows = new ArrayList<>();
        for (IExpr value : finite.values()) {
          IExpr at = arithmetic.simplify(Trees.substitute(expr, Map.of(variable, value)));
          rows.add(Trees.node(S.List, at, Trees.node(S.Equal, variable, value)));
        }
        IExpr after = Trees.node(S.Piecewise, Trees.node(S.List, rows));
        List<Obligation> obligations = new ArrayList<>(arithmetic.obligations());
        obligations.add(new Obligation.Relates(expr, Relation.EQUAL, after, true,
            "the cases cover the domain of " + variable.getSymbolName() + " " + finite.describe()));
        return new Rewrite(expr, after, Relation.EQUAL, obligations, Domains.NONE, "");
      }
    };
  }
}
