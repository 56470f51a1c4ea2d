package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Assumptions;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.Params;
import stepwise.model.Relation;
import stepwise.model.Text;

/**
 * Applies a strictly monotone function to the whole expression (e.g. -Log: maximizing P is
 * minimizing -Log(P)). Obligations: the expression lies where the function is defined and
 * monotone (P > 0), and the function's derivative has the claimed sign there.
 */
final class TransformKind implements RuleKind {
  @Override
  public String name() {
    return "transform";
  }

  @Override
  public Set<String> fields() {
    return Set.of("function", "variable", "where", "monotone");
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    IExpr function = spec.expr("function");
    IExpr variableExpr = spec.expr("variable");
    if (!(variableExpr instanceof ISymbol variable)) {
      throw spec.error("variable", "variable must be a single name, such as x");
    }
    List<IExpr> where = new ArrayList<>();
    IExpr all = S.True;
    for (String text : spec.texts("where")) {
      IExpr condition = spec.parse("where", text);
      RewriteKind.requireBound(spec, "where", condition, Set.of(variable), catalogue);
      where.add(condition);
      all = all.equals(S.True) ? condition : Trees.node(S.And, all, condition);
    }
    RewriteKind.requireBound(spec, "function", function, Set.of(variable), catalogue);
    String monotone = spec.requireText("monotone");
    if (!monotone.equals("increasing") && !monotone.equals("decreasing")) {
      throw spec.error("monotone", "monotone must be increasing or decreasing");
    }
    Domains domain;
    try {
      domain = Assumptions.toDomains(all, Domains.NONE);
    } catch (Assumptions.Unsupported e) {
      throw spec.error("where", e.getMessage());
    }
    return new TransformRule(spec.name(), spec.family(), spec.description(), function, variable, where, domain,
        monotone.equals("increasing"));
  }

  static final class TransformRule extends SimpleRule {
    private final IExpr function;
    private final ISymbol variable;
    private final List<IExpr> where;
    private final Domains domain;
    private final boolean increasing;

    TransformRule(String name, String family, Text description, IExpr function, ISymbol variable,
        List<IExpr> where, Domains domain, boolean increasing) {
      super(name, family, "transform", description);
      this.function = function;
      this.variable = variable;
      this.where = where;
      this.domain = domain;
      this.increasing = increasing;
    }

    @Override
    public String summary() {
      return ExprPrinter.print(variable) + " |-> " + ExprPrinter.print(function) + "   strictly "
          + (increasing ? "increasing" : "decreasing") + (where.isEmpty() ? "" : " for "
          + String.join(", ", where.stream().map(ExprPrinter::print).toList()));
    }

    public IExpr function() {
      return function;
    }

    public ISymbol variable() {
      return variable;
    }

    public List<IExpr> where() {
      return where;
    }

    public Domains domain() {
      return domain;
    }

    public boolean increasing() {
      return increasing;
    }

    @Override
    public Call prepare(Params params, ExprReader reader) {
      params.allowOnly(name(), Set.of());
      return call((expr, domains) -> apply(expr));
    }

    Rewrite apply(IExpr expr) {
      if (isOrder(expr)) {
        return applyToBothSides((org.matheclipse.core.interfaces.IAST) expr);
      }
      Map<IExpr, IExpr> at = Map.of(variable, expr);
      IExpr after = Trees.tidy(Trees.substitute(function, at));
      List<Obligation> obligations = new ArrayList<>();
      for (IExpr condition : where) {
        obligations.add(new Obligation.Condition(Trees.substitute(condition, at), List.of(), Domains.NONE,
            ExprPrinter.print(condition) + " for " + ExprPrinter.print(variable) + " = " + ExprPrinter.print(expr)));
      }
      IExpr slope = Trees.node(S.D, function, variable);
      IExpr sign = Trees.node(increasing ? S.Greater : S.Less, slope, F.C0);
      obligations.add(new Obligation.Condition(sign, List.of(), domain,
          ExprPrinter.print(function) + " is strictly " + (increasing ? "increasing" : "decreasing")));
      String transform = ExprPrinter.print(function);
      Relation relation = new Relation.Monotone(increasing, transform, Set.of());
      return new Rewrite(expr, after, relation, obligations, Domains.NONE, "");
    }

    private static boolean isOrder(IExpr e) {
      return e instanceof org.matheclipse.core.interfaces.IAST a && a.argSize() == 2
          && (a.head().equals(S.Less) || a.head().equals(S.LessEqual) || a.head().equals(S.Greater)
              || a.head().equals(S.GreaterEqual));
    }

    /**
     * A monotone function applied to both sides of an inequality: a < b becomes f(a) < f(b)
     * when f increases, f(a) > f(b) when it decreases. Both sides must lie where f is defined
     * and strictly monotone.
     */
    private Rewrite applyToBothSides(org.matheclipse.core.interfaces.IAST inequality) {
      IExpr left = Trees.tidy(Trees.substitute(function, Map.of(variable, inequality.arg1())));
      IExpr right = Trees.tidy(Trees.substitute(function, Map.of(variable, inequality.arg2())));
      IExpr head = increasing ? inequality.head() : flipped(inequality.head());
      IExpr after = Trees.node(head, left, right);
      List<Obligation> obligations = new ArrayList<>();
      for (IExpr side : List.of(inequality.arg1(), inequality.arg2())) {
        for (IExpr condition : where) {
          obligations.add(new Obligation.Condition(Trees.substitute(condition, Map.of(variable, side)), List.of(),
              Domains.NONE, ExprPrinter.print(condition) + " for " + ExprPrinter.print(variable) + " = " + ExprPrinter.print(side)));
        }
      }
      IExpr slope = Trees.node(S.D, function, variable);
      obligations.add(new Obligation.Condition(Trees.node(increasing ? S.Greater : S.Less, slope, F.C0), List.of(), domain,
          ExprPrinter.print(function) + " is strictly " + (increasing ? "increasing" : "decreasing")));
      obligations.add(new Obligation.SameTruth(inequality, after, "the new inequality holds exactly when the old one does"));
      String because = "applying the strictly " + (increasing ? "increasing" : "decreasing") + " " + ExprPrinter.print(function)
          + (increasing ? "" : ", which reverses the inequality");
      return new Rewrite(inequality, after, new Relation.Equivalent(because), obligations, Domains.NONE, "");
    }

    private static IExpr flipped(IExpr head) {
      if (head.equals(S.Less)) return S.Greater;
      if (head.equals(S.LessEqual)) return S.GreaterEqual;
      if (head.equals(S.Greater)) return S.Less;
      return S.LessEqual;
    }
  }
}
