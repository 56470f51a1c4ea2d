package stepwise.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Bindings;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Matcher;
import stepwise.expr.Trees;
import stepwise.model.Assumptions;
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
 * Jensen's inequality on an expectation E(p, f(X)): for convex f it is at least f(E(p, X)),
 * for concave f at most. The step names f (function: -Log(t), variable: t, where: t > 0). Its
 * conditions are proved, never assumed: p is a probability distribution (weights that are
 * non-negative and sum to 1), X lies where f is defined, and f'' has the right sign there.
 */
final class JensenKind implements RuleKind {
  @Override
  public String name() {
    return "jensen";
  }

  @Override
  public Set<String> fields() {
    return Set.of("convex");
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    boolean convex = Boolean.parseBoolean(spec.requireText("convex"));
    Definition expectation = catalogue.definition("expectation")
        .orElseThrow(() -> spec.error(null, "the jensen kind needs the expectation definition E(p, g)"));
    return new SimpleRule(spec, "jensen") {
      @Override
      public String summary() {
        return convex ? "E(p, f(X)) >= f(E(p, X)) for convex f, p a distribution   (function: f(t), variable: t, where: ...)"
            : "E(p, f(X)) <= f(E(p, X)) for concave f, p a distribution   (function: f(t), variable: t, where: ...)";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("function", "variable", "where"));
        String variableName = params.require(name(), "variable");
        if (!variableName.matches("[A-Za-z][A-Za-z0-9]*")) {
          throw new InputError(params.sourceOf("variable"), "variable must be a name such as t");
        }
        ISymbol t = new Symbol(variableName, Context.DUMMY);
        Map<String, ISymbol> locals = Map.of(variableName, t);
        IExpr function = reader.read(params.require(name(), "function"), params.sourceOf("function"), locals);
        if (!Trees.contains(function, t::equals)) {
          throw new InputError(params.sourceOf("function"), "the function must use its variable " + variableName);
        }
        List<IExpr> where = new ArrayList<>();
        for (String w : params.strings("where").orElse(List.of())) {
          where.add(reader.read(w, params.sourceOf("where"), locals));
        }
        Domains domain;
        try {
          domain = Assumptions.toDomains(where.isEmpty() ? S.True : Trees.node(S.And, where), Domains.NONE);
          if (!domain.isDeclared(t)) {
            domain = domain.with(t, Domain.REALS);
          }
        } catch (Assumptions.Unsupported e) {
          throw new InputError(params.sourceOf("where"), e.getMessage());
        }
        Domains functionDomain = domain;
        return call((expr, domains) -> apply(expr, function, t, where, functionDomain, domains));
      }

      private Rewrite apply(IExpr expr, IExpr function, ISymbol t, List<IExpr> where, Domains functionDomain,
          Domains domains) {
        IExpr pattern = Trees.substitute(function, Map.of(t, Matcher.variable(t, null)));
        List<Places.Place<IExpr>> places = Places.find(expr, sub -> argumentOfF(sub, pattern, t));
        if (places.isEmpty()) {
          throw new Call.NotApplicable("no expectation E(p, " + ExprPrinter.print(function) + ") in " + ExprPrinter.print(expr));
        }
        Places.Place<IExpr> place = places.get(0);
        IAST e = (IAST) place.subtree();
        IExpr p = e.arg1();
        IExpr x = place.match();
        IExpr replaced = Trees.tidy(Trees.substitute(function, Map.of(t, Trees.node(expectation.head(), p, x))));
        IExpr after = Places.replace(expr, Map.of(place.path(), replaced));
        List<Obligation> obligations = new ArrayList<>();
        obligations.add(new Obligation.Condition(Trees.node(Predicates.DISTRIBUTION, p), List.of(), Domains.NONE,
            ExprPrinter.print(p) + " is a probability distribution (weights that sum to 1)"));
        Domain.Family family = p instanceof ISymbol s ? domains.family(s) : null;
        List<Obligation.Iteration> within = new ArrayList<>(place.within());
        if (family != null) {
          within.add(new Obligation.Iteration(family.index(), family.lo(), family.hi()));
        }
        for (IExpr condition : where) {
          obligations.add(new Obligation.Condition(Trees.substitute(condition, Map.of(t, x)), within, Domains.NONE,
              ExprPrinter.print(x) + " lies where f is " + (convex ? "convex" : "concave") + ": " + ExprPrinter.print(condition)));
        }
        IExpr second = Trees.node(S.D, Trees.node(S.D, function, t), t);
        obligations.add(new Obligation.Condition(Trees.node(convex ? S.GreaterEqual : S.LessEqual, second, F.C0), List.of(),
            functionDomain, "f = " + ExprPrinter.print(function) + " is " + (convex ? "convex" : "concave")
                + ": f'' " + (convex ? ">=" : "<=") + " 0"));
        Relation relation = convex ? Relation.GREATER_EQUAL : Relation.LESS_EQUAL;
        obligations.add(new Obligation.Relates(expr, relation, after, place.path().isEmpty(),
            "previous " + relation.symbol() + " result (Jensen's inequality)"));
        return new Rewrite(expr, after, relation, obligations, Domains.NONE, "");
      }

      /** For E(p, g) with g of the form f(X): X. */
      private Optional<IExpr> argumentOfF(IExpr sub, IExpr pattern, ISymbol t) {
        if (!(sub instanceof IAST a) || !a.head().equals(expectation.head()) || a.argSize() != 2) {
          return Optional.empty();
        }
        for (Bindings b : Matcher.match(pattern, a.arg2())) {
          IExpr x = b.get(t);
          if (x != null) {
            return Optional.of(x);
          }
        }
        return Optional.empty();
      }
    };
  }

}
