package stepwise.rules;

import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.S;
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
 * Tidying that no named rule expresses, as in Lean's {@code calc ... := by ring}. The kind's
 * action says how the next expression is found:
 * <ul>
 *   <li>{@code target}: the author writes it (expect:); the step is an equality to prove like any other;
 *   <li>{@code arithmetic}: exact rational arithmetic on the numbers (1 - 0 = 1, x^1 = x, 2*3 = 6);
 *   <li>{@code collect} (in: x), {@code expand}, {@code together}: computed by Symja, shown in the
 *       author's expect: form when one is given (checked against what was computed).
 * </ul>
 * Nothing is trusted but exact arithmetic: every other result is an equality the verifier must
 * prove or confirm.
 */
final class AlgebraKind implements RuleKind {
  static final Set<String> ACTIONS = Set.of("target", "arithmetic", "collect", "expand", "together");

  @Override
  public String name() {
    return "algebra";
  }

  @Override
  public Set<String> fields() {
    return Set.of("action");
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    String action = spec.requireText("action");
    if (!ACTIONS.contains(action)) {
      throw spec.error("action", "action must be one of " + String.join(", ", new java.util.TreeSet<>(ACTIONS)));
    }
    return new SimpleRule(spec, "algebra") {
      @Override
      public String summary() {
        return switch (action) {
          case "target" -> "f -> g, the expression written in expect:, when f = g   (by: " + name() + ")";
          case "arithmetic" -> "exact arithmetic on the numbers: 1 - 0 -> 1, x^1 -> x, 2*3 -> 6";
          case "collect" -> "collect the terms in powers of x   (in: x)";
          default -> action + " (computed by Symja; expect: gives the form shown)";
        };
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        if (action.equals("collect")) {
          params.allowOnly(name(), Set.of("in"));
          IExpr in = reader.read(params.require(name(), "in"), params.sourceOf("in"));
          if (!(in instanceof ISymbol) && !Trees.isHead(in, S.List)) {
            throw new InputError(params.sourceOf("in"), "in: takes a variable name or a list of them");
          }
          return call((expr, domains) -> computed(expr, Trees.node(S.Collect, expr, in), "collected in " + ExprPrinter.print(in)));
        }
        params.allowOnly(name(), Set.of());
        return switch (action) {
          case "target" -> targeted();
          case "arithmetic" -> call((expr, domains) -> arithmetic(expr));
          case "expand" -> call((expr, domains) -> computed(expr, Trees.node(S.Expand, expr), "expanded"));
          default -> call((expr, domains) -> computed(expr, Trees.node(S.Together, expr), "over a common denominator"));
        };
      }

      private Call targeted() {
        String ruleName = name();
        return new Call.Targeted() {
          @Override
          public String ruleName() {
            return ruleName;
          }

          @Override
          public Rewrite apply(IExpr expr, Domains domains) {
            throw new IllegalStateException("by: " + ruleName + " is given its target by the loader");
          }

          @Override
          public Call toward(IExpr target) {
            return call((expr, domains) -> new Rewrite(expr, target, Relation.EQUAL,
                List.of(new Obligation.Relates(expr, Relation.EQUAL, target, false, "previous = result")), Domains.NONE,
                "by algebra"));
          }
        };
      }
    };
  }

  private static Rewrite arithmetic(IExpr expr) {
    Arithmetic arithmetic = new Arithmetic();
    IExpr after = arithmetic.simplify(expr);
    if (after.equals(expr)) {
      throw new Call.NotApplicable("there is no arithmetic to do in " + ExprPrinter.print(expr));
    }
    List<Obligation> obligations = new java.util.ArrayList<>(arithmetic.obligations());
    obligations.add(new Obligation.Relates(expr, Relation.EQUAL, after, true, "previous = result"));
    return new Rewrite(expr, after, Relation.EQUAL, obligations, Domains.NONE, "");
  }

  private static Rewrite computed(IExpr expr, IExpr command, String how) {
    IExpr result;
    try {
      result = Trees.tidy(Cas.evaluate(command));
    } catch (Cas.DeadlineExceeded | ArithmeticException e) {
      throw new Call.NotApplicable("Symja could not finish: " + how);
    }
    if (result.equals(expr) || !result.isFree(x -> x.equals(command.head()), true)) {
      throw new Call.NotApplicable(how + ": nothing changes in " + ExprPrinter.print(expr));
    }
    return Rewrite.computed(expr, result, Relation.EQUAL,
        List.of(new Obligation.Relates(expr, Relation.EQUAL, result, false, "previous = result")), how);
  }
}
