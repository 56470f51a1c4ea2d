package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Params;
import stepwise.model.Relation;

/**
 * Substitutes a given map (n -> 2, P(1) -> 1 - y). The step is an equality given the map;
 * obligations: each value lies in (the closure of) the domain of what it replaces, a
 * distribution whose every entry is replaced still sums to 1, and every logarithm of the
 * result has a positive argument on the new domain.
 */
final class SubstituteKind implements RuleKind {
  @Override
  public String name() {
    return "substitute";
  }

  @Override
  public Set<String> fields() {
    return Set.of();
  }

  @Override
  public Rule build(RuleSpec spec, Catalogue catalogue) {
    return new SimpleRule(spec, "substitute") {
      @Override
      public String summary() {
        return "expr -> expr with the step's map (with: {n: 2, P(1): 1 - y})";
      }

      @Override
      public Call prepare(Params params, ExprReader reader) {
        params.allowOnly(name(), Set.of("with"));
        Map<String, String> raw = params.mapping("with")
            .orElseThrow(() -> new InputError(params.sourceOf("with"), "rule " + name() + " needs 'with: {name: value}'"));
        Map<IExpr, IExpr> map = new LinkedHashMap<>();
        for (var entry : raw.entrySet()) {
          Map<String, ISymbol> locals = familyIndex(entry.getKey(), reader);
          IExpr key = reader.read(entry.getKey(), params.sourceOf("with"), locals);
          if (!(key instanceof ISymbol) && !(key instanceof IAST call && call.head() instanceof ISymbol)) {
            throw new InputError(params.sourceOf("with"), "can only substitute a name or a call like P(1), not "
                + entry.getKey());
          }
          map.put(key, reader.read(entry.getValue(), params.sourceOf("with"), locals));
        }
        return call((expr, domains) -> apply(expr, map, domains));
      }

      private Rewrite apply(IExpr expr, Map<IExpr, IExpr> requested, Domains domains) {
        Map<IExpr, IExpr> map = new LinkedHashMap<>();
        List<Obligation> obligations = new ArrayList<>();
        for (var entry : requested.entrySet()) {
          IExpr key = entry.getKey();
          Domain.Family family = wholeFamily(key, domains);
          if (family != null) {
            expandFamily(expr, (IAST) key, entry.getValue(), family, map, obligations);
          } else if (!Trees.contains(expr, key::equals)) {
            throw new Call.NotApplicable(ExprPrinter.print(key) + " does not occur in " + ExprPrinter.print(expr));
          } else {
            map.put(key, entry.getValue());
          }
        }
        IExpr after = Trees.tidy(Trees.substitute(expr, map));
        Map<ISymbol, Domain> fixed = new LinkedHashMap<>();
        for (var entry : map.entrySet()) {
          if (!requested.containsKey(entry.getKey())) {
            continue; // an entry of a whole family: checked for the family
          }
          IExpr key = entry.getKey();
          IExpr value = entry.getValue();
          Domain domain = domainOf(key, domains);
          IExpr within = membership(value, domain);
          if (within != null) {
            obligations.add(new Obligation.Condition(within, List.of(), Domains.NONE,
                ExprPrinter.print(value) + " lies in the closure of the domain of " + ExprPrinter.print(key)
                    + " (" + domain.describe() + ")"));
          }
          if (key instanceof ISymbol s && value.isNumber()) {
            fixed.put(s, new Domain.Finite(List.of(value)));
          }
        }
        obligations.addAll(distributionTotals(requested, domains));
        Trees.walk(after, (path, sub) -> {
          if (Trees.isHead(sub, S.Log) && ((IAST) sub).argSize() == 1) {
            obligations.add(new Obligation.Condition(Trees.node(S.Greater, ((IAST) sub).arg1(), F.C0),
                List.of(), Domains.NONE, "the result is defined: " + ExprPrinter.print(((IAST) sub).arg1()) + " > 0"));
          }
        });
        obligations.add(new Obligation.Relates(Trees.tidy(Trees.substitute(expr, map)), Relation.EQUAL, after, true,
            "the result is the expression with the map applied"));
        List<String> given = requested.entrySet().stream()
            .map(e -> ExprPrinter.print(e.getKey()) + " = " + ExprPrinter.print(e.getValue())).toList();
        return new Rewrite(expr, after, Relation.EQUAL, obligations, new Domains(fixed, List.of(), List.of()),
            "with " + String.join(", ", given), given);
      }
    };
  }

  /** For a key y(i) naming a declared family by its own index: i, so that the key and value may use it. */
  private static Map<String, ISymbol> familyIndex(String key, ExprReader reader) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)\\(\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\)\\s*")
        .matcher(key);
    if (m.matches()) {
      Domain.Family family = reader.domains().family(stepwise.expr.UserSymbols.named(m.group(1)));
      if (family != null && family.index().getSymbolName().equals(m.group(2))) {
        return Map.of(m.group(2), family.index());
      }
    }
    return Map.of();
  }

  /** The family when key is y(i) with i the family's own index: every entry is replaced. */
  private static Domain.Family wholeFamily(IExpr key, Domains domains) {
    if (key instanceof IAST call && call.argSize() == 1 && call.head() instanceof ISymbol head) {
      Domain.Family family = domains.family(head);
      if (family != null && call.arg1().equals(family.index())) {
        return family;
      }
    }
    return null;
  }

  /**
   * y(i) -> v(i) for every i: each entry y(a) met in expr becomes v(a). Obligations: v(i) lies
   * in the family's domain for every i of its range, and a distribution's new entries sum to 1.
   */
  private static void expandFamily(IExpr expr, IAST key, IExpr value, Domain.Family family, Map<IExpr, IExpr> map,
      List<Obligation> obligations) {
    ISymbol head = (ISymbol) key.head();
    Trees.walk(expr, (path, sub) -> {
      if (sub instanceof IAST call && call.argSize() == 1 && call.head().equals(head)) {
        map.put(call, Trees.substitute(value, Map.of(family.index(), call.arg1())));
      }
    });
    if (map.keySet().stream().noneMatch(k -> k instanceof IAST a && a.head().equals(head))) {
      throw new Call.NotApplicable(head.getSymbolName() + " does not occur in " + ExprPrinter.print(expr));
    }
    Obligation.Iteration range = new Obligation.Iteration(family.index(), family.lo(), family.hi());
    IExpr within = membership(value, family.element());
    if (within != null) {
      obligations.add(new Obligation.Condition(within, List.of(range), Domains.NONE, ExprPrinter.print(value)
          + " lies in the closure of the domain of " + ExprPrinter.print(key) + " (" + family.element().describe()
          + ") for every " + family.index().getSymbolName()));
    }
    if (family.sumsToOne()) {
      obligations.add(new Obligation.Relates(Trees.node(S.Sum, value, Trees.node(S.List, family.index(), family.lo(),
          family.hi())), Relation.EQUAL, F.C1, false, "the new entries of " + head.getSymbolName() + " sum to 1"));
    }
  }

  private static Domain domainOf(IExpr key, Domains domains) {
    if (key instanceof ISymbol s) {
      return domains.of(s);
    }
    IAST call = (IAST) key;
    Domain.Family family = domains.family((ISymbol) call.head());
    return family == null ? Domain.COMPLEX : family.element();
  }

  /** value ∈ closure(domain) as a condition, or null when there is nothing to check. */
  private static IExpr membership(IExpr value, Domain domain) {
    if (domain instanceof Domain.Real r) {
      List<IExpr> parts = new ArrayList<>();
      if (r.lower().value() != null) {
        parts.add(Trees.node(S.GreaterEqual, value, r.lower().exactValue()));
      }
      if (r.upper().value() != null) {
        parts.add(Trees.node(S.LessEqual, value, r.upper().exactValue()));
      }
      if (r.integer()) {
        parts.add(Trees.node(S.Element, value, S.Integers));
      }
      if (parts.isEmpty()) {
        parts.add(Trees.node(S.Element, value, S.Reals));
      }
      return parts.size() == 1 ? parts.get(0) : Trees.node(S.And, parts);
    }
    if (domain instanceof Domain.Finite f) {
      if (f.values().contains(value)) {
        return null;
      }
      return Trees.node(S.Or, f.values().stream().map(v -> (IExpr) Trees.node(S.Equal, value, v)).toList());
    }
    return null;
  }

  private static IExpr number(BigDecimal value) {
    return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0
        ? F.ZZ(value.toBigIntegerExact()) : F.num(value.doubleValue());
  }

  /** For a distribution all of whose entries get values: those values sum to 1. */
  private static List<Obligation> distributionTotals(Map<IExpr, IExpr> map, Domains domains) {
    Map<ISymbol, Map<Integer, IExpr>> byFamily = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      if (entry.getKey() instanceof IAST call && call.argSize() == 1 && call.arg1().isInteger()
          && call.head() instanceof ISymbol head && domains.family(head) != null && domains.family(head).sumsToOne()) {
        byFamily.computeIfAbsent(head, h -> new LinkedHashMap<>()).put(call.arg1().toIntDefault(), entry.getValue());
      }
    }
    List<Obligation> out = new ArrayList<>();
    for (var entry : byFamily.entrySet()) {
      Domain.Family family = domains.family(entry.getKey());
      Integer lo = fixedInteger(family.lo(), domains);
      Integer hi = fixedInteger(family.hi(), domains);
      if (lo == null || hi == null) {
        continue;
      }
      boolean all = true;
      List<IExpr> values = new ArrayList<>();
      for (int k = lo; k <= hi; k++) {
        IExpr v = entry.getValue().get(k);
        all &= v != null;
        values.add(v);
      }
      if (all) {
        out.add(new Obligation.Relates(Trees.plus(values), Relation.EQUAL, F.C1, false,
            "the new entries of " + entry.getKey().getSymbolName() + " sum to 1"));
      }
    }
    return out;
  }

  private static Integer fixedInteger(IExpr bound, Domains domains) {
    if (bound.isInteger()) {
      return bound.toIntDefault();
    }
    if (bound instanceof ISymbol s && domains.of(s) instanceof Domain.Finite f && f.values().size() == 1
        && f.values().get(0).isInteger()) {
      return f.values().get(0).toIntDefault();
    }
    return null;
  }
}
