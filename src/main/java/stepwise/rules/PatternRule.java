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
import java.util.stream.Collectors;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Bindings;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Matcher;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.Params;
import stepwise.model.Relation;
import stepwise.model.Text;

/**
 * A rewrite: left side -> right side, with structural conditions (checked while matching) and
 * domain conditions (proved by the verifier). It applies at every place it matches, or at the
 * places a step picks with at: [..].
 */
public final class PatternRule extends SimpleRule {
  private final IExpr lhs;
  private final IExpr rhs;
  private final List<IExpr> when;
  private final List<IExpr> where;
  private final Relation relation;

  public PatternRule(String name, String family, Text description, IExpr lhs, IExpr rhs,
      List<IExpr> when, List<IExpr> where, Relation relation) {
    super(name, family, "rewrite", description);
    this.lhs = lhs;
    this.rhs = rhs;
    this.when = List.copyOf(when);
    this.where = List.copyOf(where);
    this.relation = relation;
  }

  public IExpr lhs() {
    return lhs;
  }

  public IExpr rhs() {
    return rhs;
  }

  /** Domain conditions, in terms of the rule's variables. */
  public List<IExpr> where() {
    return where;
  }

  public List<IExpr> when() {
    return when;
  }

  public Relation relation() {
    return relation;
  }

  @Override
  public String summary() {
    String arrow = relation.equals(Relation.EQUAL) ? " -> " : "  " + relation.symbol() + "  ";
    List<IExpr> all = new ArrayList<>(where);
    all.addAll(when);
    String conditions = all.isEmpty() ? "" : "   if " + all.stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
    return ExprPrinter.print(lhs) + arrow + ExprPrinter.print(rhs) + conditions;
  }

  @Override
  public Call prepare(Params params, ExprReader reader) {
    params.allowOnly(name(), Set.of("at"));
    List<Integer> at = Places.at(params);
    return call((expr, domains) -> apply(expr, at));
  }

  /** The first matching of lhs against expr that passes the structural conditions. */
  public Optional<Bindings> match(IExpr expr) {
    for (Bindings b : Matcher.match(lhs, expr)) {
      if (when.stream().allMatch(c -> Conditions.holds(c, b))) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  Rewrite apply(IExpr expr, List<Integer> at) {
    List<Places.Place<Bindings>> places = Places.find(expr, this::match);
    if (places.isEmpty()) {
      throw new Call.NotApplicable("rule " + name() + " does not apply: " + ExprPrinter.print(lhs)
          + " matches nowhere in " + ExprPrinter.print(expr));
    }
    List<Places.Place<Bindings>> chosen = Places.choose(places, at, name());
    Map<List<Integer>, IExpr> replacements = new LinkedHashMap<>();
    List<Obligation> obligations = new ArrayList<>();
    boolean atRoot = false;
    for (Places.Place<Bindings> place : chosen) {
      Bindings b = place.match();
      IExpr replacement = instantiateFoldingNumbers(rhs, b);
      replacements.put(place.path(), OuterDerivatives.mentions(replacement) ? OuterDerivatives.resolve(replacement) : replacement);
      atRoot |= place.path().isEmpty();
      for (IExpr condition : where) {
        IExpr instance = b.instantiate(condition);
        obligations.add(new Obligation.Condition(instance, place.within(), indexFacts(place.within()),
            ExprPrinter.print(condition) + " with " + b));
      }
    }
    IExpr after = Places.replace(expr, replacements);
    boolean byRule = relation.equals(Relation.EQUAL) || atRoot;
    obligations.add(new Obligation.Relates(expr, relation, after, byRule, "previous " + relation.symbol() + " result"));
    String detail = chosen.size() == 1 ? "" : "at " + chosen.size() + " places";
    return new Rewrite(expr, after, relation, obligations, Domains.NONE, detail);
  }

  /**
   * The right side with the match put in, where a sum or product that the right side itself
   * writes (n - 1) comes out of numbers only (n = -1) is worked out (-2), as a teacher would
   * write it; the matched parts keep the author's form.
   */
  private static IExpr instantiateFoldingNumbers(IExpr template, Bindings b) {
    if (!(template instanceof org.matheclipse.core.interfaces.IAST ast)) {
      return b.instantiate(template);
    }
    org.matheclipse.core.interfaces.IASTAppendable rebuilt =
        org.matheclipse.core.expression.F.ast(b.instantiate(ast.head()), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      rebuilt.append(instantiateFoldingNumbers(ast.get(i), b));
    }
    IExpr tidy = Trees.tidy(rebuilt);
    org.matheclipse.core.interfaces.ISymbol plus = org.matheclipse.core.expression.S.Plus;
    org.matheclipse.core.interfaces.ISymbol times = org.matheclipse.core.expression.S.Times;
    if ((ast.head().equals(plus) || ast.head().equals(times)) && tidy instanceof org.matheclipse.core.interfaces.IAST t
        && (t.head().equals(plus) || t.head().equals(times)) && t.forAll(x -> x.isInteger() || x.isFraction())) {
      return stepwise.cas.Cas.evaluate(t);
    }
    return tidy;
  }

  /**
   * What an enclosing sum or product over i = lo..hi says about i: an integer with lo <= i and
   * i <= hi, as assumptions of a condition at that place (deltas-over-all-values inside a sum
   * over i needs lo <= i <= hi). Bounds that are not integers make the sum itself an error.
   */
  private static Domains indexFacts(List<Obligation.Iteration> within) {
    if (within.isEmpty()) {
      return Domains.NONE;
    }
    Map<org.matheclipse.core.interfaces.ISymbol, stepwise.model.Domain> indices = new LinkedHashMap<>();
    List<IExpr> facts = new ArrayList<>();
    for (Obligation.Iteration it : within) {
      indices.put(it.index(), new stepwise.model.Domain.Real(stepwise.model.Domain.Bound.NEG_INFINITY,
          stepwise.model.Domain.Bound.POS_INFINITY, true));
      facts.add(Trees.node(org.matheclipse.core.expression.S.LessEqual, it.lo(), it.index()));
      if (!it.hi().equals(org.matheclipse.core.expression.S.Infinity)) {
        facts.add(Trees.node(org.matheclipse.core.expression.S.LessEqual, it.index(), it.hi()));
      }
    }
    return new Domains(indices, List.of(), facts);
  }
}
