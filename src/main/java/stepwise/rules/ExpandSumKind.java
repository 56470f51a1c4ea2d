package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.Params;
import stepwise.model.Relation;

/**
 * Writes out a sum (or product) over a finite index set term by term: {i, 1, 2} or
 * {i, {0, 1}}. Refuses more than MAX_TERMS terms rather than build a huge expression.
 */
final class ExpandSumKind implements RuleKind {
  static final int MAX_TERMS = 64;

  @Override
  public String name() {
    return "expand-sum";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "expand-sum") {
      @Override
      public String summary() {
        return "Sum(f(i), {i, 1, 2}) -> f(1) + f(2);  Sum(f(i), {i, {0, 1}}) -> f(0) + f(1);  same for Product";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("at"));
        List<Integer> at = Places.at(params);
        return call((expr, domains) -> {
          List<Places.Place<IExpr>> places = Places.find(expr, ExpandSumKind::expanded);
          if (places.isEmpty()) {
            throw new Call.NotApplicable("no sum over a finite index set (such as {i, 1, 2} or {i, {0, 1}}) in "
                + ExprPrinter.print(expr));
          }
          Map<List<Integer>, IExpr> replacements = new LinkedHashMap<>();
          for (Places.Place<IExpr> place : Places.choose(places, at, name())) {
            replacements.put(place.path(), place.match());
          }
          IExpr after = Places.replace(expr, replacements);
          return new Rewrite(expr, after, Relation.EQUAL,
              List.of(new Obligation.Relates(expr, Relation.EQUAL, after, true, "the sum written out")),
              Domains.NONE, "");
        });
      }
    };
  }

  /** The sum written out, if it runs over a small explicit index set. */
  static Optional<IExpr> expanded(IExpr expr) {
    if (!(expr instanceof IAST ast) || ast.argSize() != 2 || !(ast.head().equals(S.Sum) || ast.head().equals(S.Product))
        || !(ast.arg2() instanceof IAST spec) || !spec.head().equals(S.List) || !(spec.arg1() instanceof ISymbol index)) {
      return Optional.empty();
    }
    List<IExpr> values = new ArrayList<>();
    if (spec.argSize() == 3 && spec.arg2().isInteger() && spec.arg3().isInteger()) {
      int lo = spec.arg2().toIntDefault();
      int hi = spec.arg3().toIntDefault();
      if (hi - lo + 1 > MAX_TERMS || hi < lo) {
        return Optional.empty();
      }
      for (int k = lo; k <= hi; k++) {
        values.add(F.ZZ(k));
      }
    } else if (spec.argSize() == 2 && Trees.isHead(spec.arg2(), S.List) && ((IAST) spec.arg2()).argSize() <= MAX_TERMS) {
      values.addAll(Trees.args(spec.arg2()));
    } else {
      return Optional.empty();
    }
    List<IExpr> terms = new ArrayList<>();
    for (IExpr value : values) {
      terms.add(Trees.tidy(Trees.substitute(ast.arg1(), Map.of(index, value))));
    }
    if (terms.isEmpty()) {
      return Optional.of(ast.head().equals(S.Sum) ? F.C0 : F.C1);
    }
    return Optional.of(terms.size() == 1 ? terms.get(0)
        : Trees.node(ast.head().equals(S.Sum) ? S.Plus : S.Times, terms));
  }
}
