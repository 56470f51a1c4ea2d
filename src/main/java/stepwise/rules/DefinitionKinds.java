package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.HashMap;
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
import stepwise.expr.Bindings;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Matcher;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Params;
import stepwise.model.Relation;

/** unfold replaces a defined name by its definition; fold recognises a definition's body. */
final class DefinitionKinds {
  private DefinitionKinds() {}

  static Optional<Definition> chosen(Params params, Catalogue catalogue, String ruleName, boolean required) {
    Optional<String> name = params.string("definition");
    if (name.isEmpty()) {
      if (required) {
        throw new InputError(params.sourceOf("definition"), "rule " + ruleName + " needs 'definition: name' (one of "
            + String.join(", ", catalogue.definitions().stream().map(Definition::name).toList()) + ")");
      }
      return Optional.empty();
    }
    return Optional.of(catalogue.definition(name.get()).orElseThrow(() -> new InputError(params.sourceOf("definition"),
        "no definition named '" + name.get() + "' (known: "
            + String.join(", ", catalogue.definitions().stream().map(Definition::name).toList()) + ")")));
  }

  static final class Unfold implements RuleKind {
    @Override
    public String name() {
      return "unfold";
    }

    @Override
    public Set<String> fields() {
      return Set.of();
    }

    @Override
    public Rule build(RuleSpec spec, Catalogue catalogue) {
      return new SimpleRule(spec, "unfold") {
        @Override
        public String summary() {
          return "H(P) -> -Sum(P(i)*Log(P(i)), {i, 1, n}) and the other definitions (definition: name)";
        }

        @Override
        public Call prepare(Params params, ExprReader reader) {
          params.allowOnly(name(), Set.of("definition", "at"));
          Optional<Definition> only = chosen(params, catalogue, name(), false);
          List<Integer> at = Places.at(params);
          return call((expr, domains) -> {
            List<Places.Place<Definition>> places = Places.find(expr, sub -> Definitions.calledAt(sub, catalogue)
                .filter(d -> only.isEmpty() || only.get().equals(d)));
            if (places.isEmpty()) {
              throw new Call.NotApplicable("no " + only.map(d -> d.name() + " (" + ExprPrinter.print(d.head()) + ")")
                  .orElse("defined name") + " to unfold in " + ExprPrinter.print(expr));
            }
            Map<List<Integer>, IExpr> replacements = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Places.Place<Definition> place : Places.choose(places, at, name())) {
              replacements.put(place.path(), Definitions.instantiate(place.match(), Trees.args(place.subtree()), domains));
              names.add(place.match().name());
            }
            IExpr after = Places.replace(expr, replacements);
            return new Rewrite(expr, after, Relation.EQUAL,
                List.of(new Obligation.Relates(expr, Relation.EQUAL, after, true, "the definition of " + String.join(", ", names))),
                Domains.NONE, String.join(", ", names));
          });
        }
      };
    }
  }

  static final class Fold implements RuleKind {
    @Override
    public String name() {
      return "fold";
    }

    @Override
    public Set<String> fields() {
      return Set.of();
    }

    @Override
    public Rule build(RuleSpec spec, Catalogue catalogue) {
      return new SimpleRule(spec, "fold") {
        @Override
        public String summary() {
          return "-Sum(P(i)*Log(P(i)), {i, 1, n}) -> H(P), and a negated body -> -H(P) (definition: name)";
        }

        @Override
        public Call prepare(Params params, ExprReader reader) {
          params.allowOnly(name(), Set.of("definition", "at"));
          Definition d = chosen(params, catalogue, name(), true).orElseThrow();
          List<Integer> at = Places.at(params);
          IExpr pattern = asPattern(d);
          IExpr negated = Trees.negate(pattern);
          boolean bodyIsNegative = Trees.isHead(d.body(), S.Times) && ((IAST) d.body()).arg1().isMinusOne();
          return call((expr, domains) -> {
            List<Places.Place<IExpr>> places = Places.find(expr, sub -> folded(d, pattern, sub, domains)
                .or(() -> bodyIsNegative ? folded(d, negated, sub, domains).map(Trees::negate) : Optional.empty()));
            if (places.isEmpty()) {
              throw new Call.NotApplicable("nothing in " + ExprPrinter.print(expr) + " has the form of "
                  + d.name() + ": " + ExprPrinter.print(d.body()));
            }
            Map<List<Integer>, IExpr> replacements = new LinkedHashMap<>();
            for (Places.Place<IExpr> place : Places.choose(places, at, name())) {
              replacements.put(place.path(), place.match());
            }
            IExpr after = Places.replace(expr, replacements);
            return new Rewrite(expr, after, Relation.EQUAL,
                List.of(new Obligation.Relates(expr, Relation.EQUAL, after, true, "the definition of " + d.name())),
                Domains.NONE, d.name());
          });
        }
      };
    }

    /** The body with its parameters, index and range as pattern variables. */
    private static IExpr asPattern(Definition d) {
      Map<IExpr, IExpr> map = new HashMap<>();
      for (ISymbol p : d.params()) {
        map.put(p, Matcher.variable(p, null));
      }
      if (d.support() != null) {
        map.put(d.index(), Matcher.variable(d.index(), null));
        map.put(d.lo(), Matcher.variable(d.lo(), null));
        map.put(d.hi(), Matcher.variable(d.hi(), null));
      }
      return Trees.substitute(d.body(), map);
    }

    /** head(args) if sub has the body's form and sums over the support's declared range. */
    private static Optional<IExpr> folded(Definition d, IExpr pattern, IExpr sub, Domains domains) {
      for (Bindings b : Matcher.match(pattern, sub)) {
        List<IExpr> args = d.params().stream().map(b::get).toList();
        if (d.support() != null) {
          IExpr supportArg = b.get(d.support());
          Domain.Family family = supportArg instanceof ISymbol s ? domains.family(s) : null;
          if (family == null || !family.lo().equals(b.get(d.lo())) || !family.hi().equals(b.get(d.hi()))) {
            continue;
          }
        }
        return Optional.of(Trees.node(d.head(), args));
      }
      return Optional.empty();
    }
  }
}
