package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Params;
import stepwise.model.Relation;

/**
 * Averages a per-sample expression over N samples: J(y, yhat) becomes
 * 1/N * Sum(J(y(k), yhat(k)), {k, 1, N}), where y(k) are per-sample copies with y's domain.
 * Obligation: the result really is the mean of the old expression over the samples.
 */
final class AverageKind implements RuleKind {
  @Override
  public String name() {
    return "average";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "average") {
      @Override
      public String summary() {
        return "J -> 1/N*Sum(J with each per-sample variable v as v(k), {k, 1, N})   (over: [vars], count: N, index: k)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("over", "count", "index"));
        List<String> names = params.strings("over").orElseThrow(() -> new InputError(params.sourceOf("over"),
            "rule " + name() + " needs 'over: [the per-sample variables]'"));
        ISymbol count = plainName(params.string("count").orElse("N"), params, "count");
        ISymbol index = plainName(params.string("index").orElse("k"), params, "index");
        Map<ISymbol, ISymbol> perSample = new LinkedHashMap<>();
        Map<ISymbol, Domain> introduced = new LinkedHashMap<>();
        for (String n : names) {
          ISymbol v = symbol(n, params, "over", reader);
          ISymbol copies = UserSymbols.familyNamed(v.getSymbolName());
          Domain element = reader.domains().of(v);
          Domain family = new Domain.Family(index, F.C1, count, element, false);
          perSample.put(v, copies);
          introduced.put(copies, family);
          reader.introduce(copies, family);
        }
        if (!reader.domains().isDeclared(count)) {
          introduced.put(count, Domain.POSITIVE_INTEGERS);
          reader.introduce(count, Domain.POSITIVE_INTEGERS);
        }
        Domains newDomains = new Domains(introduced, List.of(), List.of());
        return call((expr, domains) -> apply(expr, perSample, count, index, newDomains));
      }

      private Rewrite apply(IExpr expr, Map<ISymbol, ISymbol> perSample, ISymbol count, ISymbol index, Domains introduced) {
        Map<IExpr, IExpr> copies = new LinkedHashMap<>();
        for (var e : perSample.entrySet()) {
          if (!Trees.contains(expr, e.getKey()::equals)) {
            throw new Call.NotApplicable(e.getKey().getSymbolName() + " does not occur in " + ExprPrinter.print(expr));
          }
          copies.put(e.getKey(), Trees.node(e.getValue(), index));
        }
        IExpr summand = Trees.tidy(Trees.substitute(expr, copies));
        IExpr after = Trees.times(Trees.power(count, F.CN1), Trees.node(S.Sum, summand, Trees.node(S.List, index, F.C1, count)));
        List<Obligation> obligations = List.of(new Obligation.IsMean(after, expr, count, index, perSample,
            "the mean over " + count.getSymbolName() + " samples"));
        return new Rewrite(expr, after, new Relation.Mean(count.getSymbolName(), index.getSymbolName()), obligations,
            introduced, "");
      }
    };
  }

  /** A plain name (declared or not): the sample count and index need no declaration. */
  private static ISymbol plainName(String name, Params params, String key) {
    if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new InputError(params.sourceOf(key), key + " must be a name, not " + name);
    }
    return UserSymbols.named(name);
  }

  private static ISymbol symbol(String name, Params params, String key, ExprReader reader) {
    IExpr e = reader.read(name, params.sourceOf(key));
    if (!(e instanceof ISymbol s)) {
      throw new InputError(params.sourceOf(key), key + " must be a variable name, not " + name);
    }
    return s;
  }
}
