package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Params;
import stepwise.model.Relation;

/**
 * Drops additive terms that do not depend on given variables (independent-of: [Q]), or the
 * one named with term:. The result equals the old expression up to a term constant in those
 * variables (≃_Q); the verifier proves that the difference does not depend on them.
 */
final class DropTermsKind implements RuleKind {
  @Override
  public String name() {
    return "drop-terms";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "drop-terms") {
      @Override
      public String summary() {
        return "a + c -> a   ≃_V, where c does not depend on V (independent-of: [V], optional term: c)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("independent-of", "term"));
        List<String> names = params.strings("independent-of").orElseThrow(() -> new InputError(
            params.sourceOf("independent-of"), "rule " + name() + " needs 'independent-of: [variables]'"));
        Set<ISymbol> over = new LinkedHashSet<>();
        for (String n : names) {
          IExpr v = reader.read(n, params.sourceOf("independent-of"));
          if (!(v instanceof ISymbol s)) {
            throw new InputError(params.sourceOf("independent-of"), "independent-of lists variable names, not " + n);
          }
          over.add(s);
        }
        IExpr term = params.string("term").map(t -> reader.read(t, params.sourceOf("term"))).orElse(null);
        return call((expr, domains) -> apply(expr, over, term));
      }

      private Rewrite apply(IExpr expr, Set<ISymbol> over, IExpr term) {
        if (!Trees.isHead(expr, S.Plus)) {
          throw new Call.NotApplicable("the expression is not a sum of terms: " + ExprPrinter.print(expr));
        }
        List<IExpr> kept = new ArrayList<>();
        List<IExpr> dropped = new ArrayList<>();
        for (IExpr t : Trees.args(expr)) {
          boolean drop = term == null ? !Trees.mentions(t, over)
              : t.equals(term) || t.equals(Trees.negate(term));
          (drop ? dropped : kept).add(t);
        }
        if (dropped.isEmpty()) {
          throw new Call.NotApplicable(term == null ? "every term depends on " + names(over)
              : ExprPrinter.print(term) + " is not a term of " + ExprPrinter.print(expr));
        }
        if (kept.isEmpty()) {
          throw new Call.NotApplicable("no term would be left");
        }
        IExpr after = Trees.plus(kept);
        Relation relation = new Relation.UpToConstant(new LinkedHashSet<>(names(over)));
        List<Obligation> obligations = List.of(new Obligation.Relates(expr, relation, after, false,
            "the dropped part " + ExprPrinter.print(Trees.plus(dropped)) + " does not depend on " + String.join(", ", names(over))));
        return new Rewrite(expr, after, relation, obligations, Domains.NONE, "dropped " + ExprPrinter.print(Trees.plus(dropped)));
      }
    };
  }

  private static List<String> names(Set<ISymbol> over) {
    return over.stream().map(ISymbol::getSymbolName).toList();
  }
}
