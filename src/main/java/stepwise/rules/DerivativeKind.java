package stepwise.rules;

import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
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
 * Differentiates the expression (in: yhat, times: 2). The result is a new quantity, the
 * derivative, computed by Symja; an expect: in the author's own form is checked against it.
 */
final class DerivativeKind implements RuleKind {
  private static final int MAX_ORDER = 4;

  @Override
  public String name() {
    return "derivative";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "derivative") {
      @Override
      public String summary() {
        return "f -> D(f, x), n times   (in: x, times: n)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("in", "times"));
        IExpr v = reader.read(params.require(name(), "in"), params.sourceOf("in"));
        if (v instanceof org.matheclipse.core.interfaces.IAST entry && entry.argSize() == 1
            && entry.head() instanceof ISymbol family && reader.domains().family(family) != null
            && entry.arg1() instanceof ISymbol k) {
          if (params.string("times").isPresent()) {
            throw new InputError(params.sourceOf("times"), "times: is for a variable; differentiate in an entry "
                + ExprPrinter.print(v) + " once per step");
          }
          return call((expr, domains) -> entry(expr, family, k, domains));
        }
        if (!(v instanceof ISymbol variable)) {
          throw new InputError(params.sourceOf("in"), "in: takes a variable name, or an entry x(k) of a declared family");
        }
        int times;
        try {
          times = Integer.parseInt(params.string("times").orElse("1").strip());
        } catch (NumberFormatException e) {
          throw new InputError(params.sourceOf("times"), "times: takes a whole number");
        }
        if (times < 1 || times > MAX_ORDER) {
          throw new InputError(params.sourceOf("times"), "times: must be 1 to " + MAX_ORDER);
        }
        return call((expr, domains) -> apply(expr, variable, times, catalogue, domains));
      }

      private Rewrite entry(IExpr expr, ISymbol family, ISymbol k, Domains domains) {
        IExpr unfolded = Definitions.unfoldAll(expr, catalogue, domains);
        if (!Trees.contains(unfolded, family::equals)) {
          throw new Call.NotApplicable(ExprPrinter.print(expr) + " does not depend on " + family.getSymbolName());
        }
        EntryDerivative.Result r = EntryDerivative.of(unfolded, family, k, domains);
        String how = "derivative in " + family.getSymbolName() + "(" + k.getSymbolName() + ")";
        return new Rewrite(expr, r.derivative(), new Relation.Derived(how, Set.of(family.getSymbolName())),
            r.obligations(), r.introduced(), "for every " + k.getSymbolName() + " in the family's range", List.of(),
            r.derivative());
      }

      private Rewrite apply(IExpr expr, ISymbol variable, int times, Catalogue catalogue, Domains domains) {
        if (!Trees.contains(Definitions.unfoldAll(expr, catalogue, domains), variable::equals)) {
          throw new Call.NotApplicable(ExprPrinter.print(expr) + " does not depend on " + variable.getSymbolName());
        }
        IExpr spec = times == 1 ? variable : Trees.node(S.List, variable, F.ZZ(times));
        IExpr derivative;
        try {
          IExpr unfolded = Definitions.unfoldAll(expr, catalogue, domains);
          derivative = Trees.tidy(Cas.evaluate(Trees.node(S.D, unfolded, spec)));
        } catch (Cas.DeadlineExceeded | ArithmeticException e) {
          throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(expr));
        }
        String how = (times == 1 ? "derivative" : times == 2 ? "second derivative" : "derivative of order " + times)
            + " in " + variable.getSymbolName();
        List<Obligation> obligations = List.of(new Obligation.Relates(Trees.node(S.D, expr, spec), Relation.EQUAL, derivative,
            false, "the result is the " + how));
        return Rewrite.computed(expr, derivative, new Relation.Derived(how, Set.of(variable.getSymbolName())), obligations, how);
      }
    };
  }
}
