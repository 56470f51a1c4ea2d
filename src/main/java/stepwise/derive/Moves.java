package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.Source;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.PatternRule;
import stepwise.rules.Places;
import stepwise.rules.Rule;

/**
 * The steps that could come next: every catalogue rule at every place it matches, with the
 * parameters its kind needs inferred from the expression and the goal (a definition's name,
 * the variables a dropped term must not depend on, a substitution that brings in the goal's
 * symbols, the function of Jensen's inequality, the variable of a derivative). Candidates come
 * in catalogue order, then place order: the search is deterministic.
 */
final class Moves {
  /** At most this many single places are tried per rule, besides "every place". */
  private static final int MAX_PLACES = 8;

  /** A step the search may take: a rule and its parameters, as the written file will hold them. */
  record Candidate(Rule rule, LinkedHashMap<String, Object> params) {
    String describe() {
      return rule.name() + (params.isEmpty() ? "" : " " + params);
    }
  }

  private final Catalogue catalogue;
  private final IExpr goal;
  private final Wanted wanted;
  private final Set<ISymbol> goalSymbols;
  private final Domains declared;
  private final String localName;
  private final ExprReader reader;
  private final Source source;

  Moves(Catalogue catalogue, IExpr goal, Wanted wanted, Domains declared, ExprReader reader, Source source) {
    this.source = source;
    this.catalogue = catalogue;
    this.goal = goal;
    this.wanted = wanted;
    this.goalSymbols = userSymbols(goal);
    this.declared = declared;
    this.localName = freshLocal(declared);
    this.reader = reader;
    this.goalTerms = largestSum(goal);
  }

  private final int goalTerms;

  /** The number of terms of the goal's largest sum (at least 2): the size a written-out sum should have. */
  private static int largestSum(IExpr goal) {
    int[] most = {2};
    Trees.walk(goal, (path, sub) -> {
      if (Trees.isHead(sub, S.Plus)) {
        most[0] = Math.max(most[0], ((IAST) sub).argSize());
      }
    });
    return most[0];
  }

  /**
   * The expressions the substitutions toward the goal would make of expr (P(1) = 1 - y, ...):
   * the search measures a state by the closest of them too, so a state one substitution away
   * from the goal's form looks as close as it is.
   */
  List<IExpr> lookahead(IExpr expr, Domains domains) {
    List<Candidate> subs = new ArrayList<>();
    Rule rule = catalogue.firstOfKind("substitute").orElse(null);
    if (rule == null) {
      return List.of();
    }
    List<Map<IExpr, IExpr>> maps = new ArrayList<>();
    families(rule, expr, domains, subs, maps);
    List<IExpr> out = new ArrayList<>();
    for (Map<IExpr, IExpr> map : maps) {
      out.add(Trees.tidy(Trees.substitute(expr, map)));
    }
    return out;
  }

  List<Candidate> from(IExpr expr, Domains domains) {
    List<Candidate> out = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      switch (rule.kind()) {
        case "rewrite" -> rewrites((PatternRule) rule, expr, out);
        case "unfold" -> {
          out.add(new Candidate(rule, params()));
          for (Definition d : catalogue.definitions()) {
            out.add(new Candidate(rule, params("definition", d.name())));
          }
        }
        case "fold" -> {
          for (Definition d : catalogue.definitions()) {
            out.add(new Candidate(rule, params("definition", d.name())));
          }
        }
        case "expand-sum" -> places(rule, expr, out, Places.find(expr, e -> Places.iterationOf(e) != null
            ? java.util.Optional.of(e) : java.util.Optional.empty()).size());
        case "transform" -> {
          if (wanted.allowsTransforms()) {
            out.add(new Candidate(rule, params()));
          }
        }
        case "drop-terms" -> drops(rule, expr, out);
        case "substitute" -> substitutions(rule, expr, domains, out);
        case "cases" -> {
          if (Trees.contains(goal, e -> Trees.isHead(e, S.Piecewise))) {
            for (ISymbol s : userSymbols(expr)) {
              if (domains.of(s) instanceof Domain.Finite) {
                out.add(new Candidate(rule, params("on", s.getSymbolName())));
              }
            }
          }
        }
        case "jensen" -> {
          if (wanted.allowsOrder()) {
            jensen(rule, expr, out);
          }
        }
        case "derivative" -> {
          // not of a product over a symbolic range: Symja leaves its derivative unevaluated (seconds spent for
          // nothing, 60 % of gaussian-mse's search), and a teacher takes the log of a likelihood first
          if (wanted.allowsDerived() && !Trees.contains(expr, e -> Trees.isHead(e, S.D) || isSymbolicProduct(e))) {
            for (ISymbol s : userSymbols(expr)) {
              if (domains.of(s) instanceof Domain.Real r && !r.integer() && domains.family(s) == null) {
                if (wanted.allowsDerivativeIn(s.getSymbolName(), false)) {
                  out.add(new Candidate(rule, params("in", s.getSymbolName())));
                }
                if (wanted.allowsDerivativeIn(s.getSymbolName(), true)) {
                  out.add(new Candidate(rule, params("in", s.getSymbolName(), "times", "2")));
                }
              }
            }
            entryDerivatives(rule, expr, domains, out);
          }
        }
        case "algebra" -> tidying(rule, expr, out);
        case "stationary" -> stationary(rule, expr, out);
        case "average" -> average(rule, expr, out);
        default -> { } // kinds added later: not searched until their parameters can be inferred
      }
    }
    return out;
  }

  /**
   * Derivatives in an entry x(k) of a real family that the expression depends on, for each
   * entry the goal names with a free index k (a declared symbol, not a bound one): a gradient
   * such as d/dz(k) of a softmax is asked for by its goal mentioning z(k).
   */
  private void entryDerivatives(Rule rule, IExpr expr, Domains domains, List<Candidate> out) {
    Set<ISymbol> here = userSymbols(expr);
    Set<String> seen = new LinkedHashSet<>();
    Trees.walk(goal, (path, sub) -> {
      if (sub instanceof IAST entry && entry.argSize() == 1 && entry.head() instanceof ISymbol family
          && here.contains(family) && domains.family(family) != null && !domains.family(family).sumsToOne()
          && domains.family(family).element() instanceof Domain.Real && entry.arg1() instanceof ISymbol k
          && UserSymbols.isUser(k) && declared.isDeclared(k) && domains.family(k) == null) {
        String name = ExprPrinter.print(entry);
        goalEntries.put(name, entry);
        if (seen.add(name) && wanted.allowsDerivativeIn(name, false)) {
          out.add(new Candidate(rule, params("in", name)));
        }
      }
    });
  }

  /** A product over a range whose end is not a number, such as Product(f(i), {i, 1, n}). */
  private static boolean isSymbolicProduct(IExpr e) {
    return Trees.isHead(e, S.Product) && e instanceof IAST product && product.argSize() == 2
        && product.arg2() instanceof IAST range && range.argSize() == 3 && !range.arg3().isNumber();
  }

  /** The goal's entries x(k) searched as derivative variables, by their written name. */
  private final Map<String, IExpr> goalEntries = new java.util.HashMap<>();

  /**
   * Whether the candidate differentiates in an entry x(k) the goal names and expr does not
   * have: only a derivative (or a substitution) can bring it in, so it is likely the way.
   */
  boolean differentiatesTowardGoal(Candidate c, IExpr expr) {
    IExpr entry = c.rule().kind().equals("derivative") ? goalEntries.get(String.valueOf(c.params().get("in"))) : null;
    return entry != null && !Trees.contains(expr, entry::equals);
  }

  /**
   * The algebra kind: exact arithmetic, expand and together on the whole expression, and the
   * last-resort "tidy" step (by: algebra) whose target is the goal itself: it costs more the
   * further the goal is ({@link Search}), so named rules come first, and the verifier must
   * prove the two equal before the search takes it.
   */
  private void tidying(Rule rule, IExpr expr, List<Candidate> out) {
    Boolean targeted = targetedRules.computeIfAbsent(rule.name(), n -> {
      try {
        return rule.prepare(TextParams.none(source), reader) instanceof stepwise.model.Call.Targeted;
      } catch (RuntimeException e) { // needs a parameter (collect's in:): the tidy step covers it
        return null;
      }
    });
    if (targeted == null || targeted && goalIsEquation()) {
      return;
    }
    // over sums and products of a symbolic range, expand and together change nothing without something to distribute
    // or a fraction in a sum: 92 % of them led nowhere in softmax-cross-entropy-gradient, at 140 ms of Symja each
    // (elsewhere they stay: evaluation may simplify, as expand turns Sin(x)^2 + Cos(x)^2 into 1)
    boolean iterates = Trees.contains(expr, e -> Places.iterationOf(e) != null);
    if (iterates && (rule.name().equals("expand") && !Trees.contains(expr, Moves::distributes)
        || rule.name().equals("together") && !Trees.contains(expr, Moves::sumWithFraction))) {
      return;
    }
    out.add(new Candidate(rule, params()));
  }

  /** A product with a sum among its factors, or a sum raised to a whole power above 1: something expand multiplies out. */
  private static boolean distributes(IExpr e) {
    if (Trees.isHead(e, S.Times)) {
      return Trees.args(e).stream().anyMatch(f -> Trees.isHead(f, S.Plus)
          || Trees.isHead(f, S.Power) && Trees.isHead(((IAST) f).arg1(), S.Plus));
    }
    return Trees.isHead(e, S.Power) && Trees.isHead(((IAST) e).arg1(), S.Plus) && ((IAST) e).arg2().isInteger()
        && !((IAST) e).arg2().isOne() && !((IAST) e).arg2().isMinusOne();
  }

  /** A sum with a term that divides (a negative power or a fraction among its factors): something together joins. */
  private static boolean sumWithFraction(IExpr e) {
    return Trees.isHead(e, S.Plus) && Trees.args(e).stream().anyMatch(Moves::divides);
  }

  private static boolean divides(IExpr term) {
    if (term.isFraction() || Trees.isHead(term, S.Power) && ((IAST) term).arg2().isNegative()) {
      return true;
    }
    return Trees.isHead(term, S.Times) && Trees.args(term).stream().anyMatch(Moves::divides);
  }

  /** Whether the candidate is the tidy step (by: algebra, to the goal). */
  boolean isTidy(Candidate c) {
    return c.rule().kind().equals("algebra") && Boolean.TRUE.equals(targetedRules.get(c.rule().name()));
  }

  /** Whether an algebra rule goes to a target (by: algebra); null when it needs parameters. */
  private final Map<String, Boolean> targetedRules = new java.util.HashMap<>();

  private boolean goalIsEquation() {
    return Trees.isHead(goal, S.Equal);
  }

  /** A goal "theta == value" is a stationary point in theta: set the derivative to 0 at the goal's value. */
  private void stationary(Rule rule, IExpr expr, List<Candidate> out) {
    if (!wanted.allowsDerived() || "derivative".equals(wanted.relation()) || !goalIsEquation()
        || Trees.isHead(expr, S.Equal)) {
      return;
    }
    IAST equation = (IAST) goal;
    if (equation.argSize() == 2 && equation.arg1() instanceof ISymbol theta && UserSymbols.isUser(theta)
        && Trees.contains(expr, theta::equals) && !Trees.contains(equation.arg2(), theta::equals)) {
      out.add(new Candidate(rule, params("in", theta.getSymbolName(), "solution", ExprPrinter.print(equation.arg2()))));
    }
  }

  /**
   * Average over samples, when the goal averages: its sum (1/N) Sum(.., {k, 1, N}) names the
   * per-sample copies v(k) of variables v of the expression; those are the ones averaged over.
   */
  private void average(Rule rule, IExpr expr, List<Candidate> out) {
    if (wanted.relation() != null) { // an average composes to none of the relations a goal may ask for
      return;
    }
    Set<ISymbol> here = userSymbols(expr);
    Set<String> seen = new LinkedHashSet<>();
    Trees.walk(goal, (path, sub) -> {
      if (!Trees.isHead(sub, S.Sum) || ((IAST) sub).argSize() != 2 || !(((IAST) sub).arg2() instanceof IAST range)
          || range.argSize() != 3 || !(range.arg1() instanceof ISymbol index) || !range.arg2().isOne()
          || !(range.arg3() instanceof ISymbol count) || here.contains(count)) {
        return;
      }
      List<String> over = new ArrayList<>();
      for (ISymbol v : here) {
        ISymbol copies = UserSymbols.familyNamed(v.getSymbolName());
        if (!(declared.of(v) instanceof Domain.Family) && Trees.contains(((IAST) sub).arg1(),
            e -> e instanceof IAST call && call.head().equals(copies) && call.argSize() == 1 && call.arg1().equals(index))) {
          over.add(v.getSymbolName());
        }
      }
      if (!over.isEmpty() && seen.add(over + " " + count + " " + index)) {
        out.add(new Candidate(rule, params("over", over, "count", count.getSymbolName(), "index", index.getSymbolName())));
      }
    });
  }

  private void rewrites(PatternRule rule, IExpr expr, List<Candidate> out) {
    places(rule, expr, out, Places.find(expr, rule::match).size());
  }

  /** Every place at once (the default), and each place alone when there are several. */
  private static void places(Rule rule, IExpr expr, List<Candidate> out, int count) {
    if (count == 0) {
      return;
    }
    out.add(new Candidate(rule, params()));
    for (int k = 1; count > 1 && k <= Math.min(count, MAX_PLACES); k++) {
      out.add(new Candidate(rule, params("at", List.of(String.valueOf(k)))));
    }
  }

  /** Drop terms that do not depend on the wanted variables (or on any one symbol the goal keeps). */
  private void drops(Rule rule, IExpr expr, List<Candidate> out) {
    if (!Trees.isHead(expr, S.Plus) || !wanted.allowsDrop()) {
      return;
    }
    List<List<ISymbol>> overs = new ArrayList<>();
    if (!wanted.dropVariables().isEmpty()) {
      overs.add(wanted.dropVariables().stream().map(UserSymbols::named).toList());
    } else {
      for (ISymbol s : userSymbols(expr)) {
        if (goalSymbols.contains(s)) {
          overs.add(List.of(s));
        }
      }
    }
    for (List<ISymbol> over : overs) {
      List<String> names = over.stream().map(ISymbol::getSymbolName).toList();
      List<IExpr> free = Trees.args(expr).stream().filter(t -> !Trees.mentions(t, over)).toList();
      if (free.isEmpty() || free.size() == Trees.args(expr).size()) {
        continue;
      }
      for (IExpr term : free) { // the term named, as a teacher says which one goes; the sign is the rule's business
        IExpr positive = ExprPrinter.negatedIfNegativeTerm(term);
        out.add(new Candidate(rule, params("independent-of", names, "term", ExprPrinter.print(positive != null ? positive : term))));
      }
      if (free.size() > 1) {
        out.add(new Candidate(rule, params("independent-of", names)));
      }
    }
  }

  /**
   * Substitutions that specialise toward the goal: an integer symbol the goal no longer has
   * (n, for a sum over 1..n that the goal writes out) set to the goal's number of terms; a real
   * parameter the goal no longer has set to 0 or 1; and the entries F(1),
   * F(2) of two-outcome distributions set to (1 - g, g) or (g, 1 - g) for the goal's own
   * symbols g, one distribution per symbol.
   */
  private void substitutions(Rule rule, IExpr expr, Domains domains, List<Candidate> out) {
    if (!wanted.allowsSpecialising()) {
      return;
    }
    Set<ISymbol> here = userSymbols(expr);
    for (ISymbol s : here) {
      if (!goalSymbols.contains(s) && domains.of(s) instanceof Domain.Real r && r.integer() && domains.family(s) == null) {
        Map<String, String> with = new LinkedHashMap<>();
        with.put(s.getSymbolName(), String.valueOf(goalTerms));
        out.add(new Candidate(rule, params("with", with)));
      } else if (!goalSymbols.contains(s) && domains.of(s) instanceof Domain.Real r && !r.integer()
          && domains.family(s) == null) {
        // a parameter the goal no longer has: its special cases 0 and 1 (the substitution checks the domain)
        for (String value : new String[] {"0", "1"}) {
          Map<String, String> with = new LinkedHashMap<>();
          with.put(s.getSymbolName(), value);
          out.add(new Candidate(rule, params("with", with)));
        }
      }
    }
    standardDistributions(rule, expr, domains, out);
    families(rule, expr, domains, out, new ArrayList<>());
  }

  /**
   * A distribution P(i) over 1..n that the goal no longer names, set to a standard one: the
   * uniform 1/n, and the one-hot KroneckerDelta(i, c) at each integer symbol c the goal names
   * and the expression does not (the true class of a one-hot label).
   */
  private void standardDistributions(Rule rule, IExpr expr, Domains domains, List<Candidate> out) {
    Set<ISymbol> here = userSymbols(expr);
    for (ISymbol s : here) {
      Domain.Family family = domains.family(s);
      if (family == null || !family.sumsToOne() || goalSymbols.contains(s) || !family.lo().isOne()) {
        continue;
      }
      String entry = s.getSymbolName() + "(" + family.index().getSymbolName() + ")";
      Map<String, String> uniform = new LinkedHashMap<>();
      uniform.put(entry, "1/" + ExprPrinter.print(family.hi()));
      out.add(new Candidate(rule, params("with", uniform)));
      for (ISymbol c : goalSymbols) {
        if (!here.contains(c) && !c.equals(family.index()) && domains.family(c) == null
            && domains.of(c) instanceof Domain.Real r && r.integer()) {
          Map<String, String> oneHot = new LinkedHashMap<>();
          oneHot.put(entry, "KroneckerDelta(" + family.index().getSymbolName() + ", " + c.getSymbolName() + ")");
          out.add(new Candidate(rule, params("with", oneHot)));
        }
      }
    }
  }

  private void families(Rule rule, IExpr expr, Domains domains, List<Candidate> out, List<Map<IExpr, IExpr>> maps) {
    Set<ISymbol> here = userSymbols(expr);
    List<ISymbol> families = new ArrayList<>();
    Map<ISymbol, List<IExpr>> entries = new LinkedHashMap<>();
    for (ISymbol s : here) {
      Domain.Family family = domains.family(s);
      if (family == null || !family.sumsToOne() || goalSymbols.contains(s)) {
        continue;
      }
      List<IExpr> literal = new ArrayList<>();
      Trees.walk(expr, (path, sub) -> {
        if (sub instanceof IAST call && call.head().equals(s) && call.argSize() == 1 && call.arg1().isInteger()
            && !literal.contains(sub)) {
          literal.add(sub);
        }
      });
      if (literal.size() == 2) {
        literal.sort((a, b) -> ((IAST) a).arg1().compareTo(((IAST) b).arg1()));
        families.add(s);
        entries.put(s, literal);
      }
    }
    List<ISymbol> targets = new ArrayList<>();
    for (ISymbol g : goalSymbols) {
      if (!here.contains(g) && declared.of(g) != null && withinUnit(declared.of(g))) {
        targets.add(g);
      }
    }
    if (families.isEmpty() || targets.size() < families.size() || families.size() > 3) {
      return;
    }
    for (List<ISymbol> assignment : arrangements(targets, families.size())) {
      for (int orientation = 0; orientation < (1 << families.size()); orientation++) {
        Map<String, String> with = new LinkedHashMap<>();
        Map<IExpr, IExpr> map = new LinkedHashMap<>();
        for (int f = 0; f < families.size(); f++) {
          List<IExpr> two = entries.get(families.get(f));
          ISymbol symbol = assignment.get(f);
          String g = symbol.getSymbolName();
          IExpr complement = Trees.plus(org.matheclipse.core.expression.F.C1, Trees.negate(symbol));
          boolean second = (orientation >> f & 1) == 0;
          with.put(ExprPrinter.print(two.get(0)), second ? "1 - " + g : g);
          with.put(ExprPrinter.print(two.get(1)), second ? g : "1 - " + g);
          map.put(two.get(0), second ? complement : symbol);
          map.put(two.get(1), second ? symbol : complement);
        }
        out.add(new Candidate(rule, params("with", with)));
        maps.add(map);
      }
    }
  }

  private static boolean withinUnit(Domain d) {
    if (d instanceof Domain.Finite f) {
      return f.values().stream().allMatch(v -> v.isZero() || v.isOne());
    }
    return d instanceof Domain.Real r && r.lower().value() != null && r.upper().value() != null
        && r.lower().value().signum() >= 0 && r.upper().value().compareTo(java.math.BigDecimal.ONE) <= 0;
  }

  private static List<List<ISymbol>> arrangements(List<ISymbol> from, int k) {
    List<List<ISymbol>> out = new ArrayList<>();
    arrange(from, k, new ArrayList<>(), out);
    return out;
  }

  private static void arrange(List<ISymbol> from, int k, List<ISymbol> prefix, List<List<ISymbol>> out) {
    if (prefix.size() == k) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (ISymbol s : from) {
      if (!prefix.contains(s)) {
        prefix.add(s);
        arrange(from, k, prefix, out);
        prefix.remove(prefix.size() - 1);
      }
    }
  }

  /**
   * Jensen on E(p, g): f is g with one part X that depends on the index replaced by the
   * variable, keeping the f's that are not linear (a linear f gives nothing); the domain
   * condition is the one a log or a root needs. The kind itself proves convexity.
   */
  private void jensen(Rule rule, IExpr expr, List<Candidate> out) {
    ISymbol head = catalogue.definition("expectation").map(Definition::head).orElse(null);
    if (head == null) {
      return;
    }
    ISymbol t = UserSymbols.named(localName);
    Set<String> seen = new LinkedHashSet<>();
    Trees.walk(expr, (path, sub) -> {
      if (!(sub instanceof IAST e) || !e.head().equals(head) || e.argSize() != 2) {
        return;
      }
      IExpr g = e.arg2();
      Trees.walk(g, (p2, part) -> {
        if (p2.isEmpty() || !part.isAST() || seen.size() >= 2) {
          return;
        }
        IExpr f = Trees.substitute(g, Map.of(part, t));
        if (!Trees.contains(f, t::equals) || !userSymbols(f).equals(Set.of(t)) || linear(f, t)) {
          return;
        }
        String function = ExprPrinter.print(f);
        if (seen.add(function)) {
          LinkedHashMap<String, Object> p = params("function", function, "variable", localName);
          if (Trees.contains(f, x -> Trees.isHead(x, S.Log))) {
            p.put("where", localName + " > 0");
          }
          out.add(new Candidate(rule, p));
        }
      });
    });
  }

  private static boolean linear(IExpr f, ISymbol t) {
    return f.equals(t) || Trees.isHead(f, S.Times) && Trees.args(f).stream().filter(a -> Trees.contains(a, t::equals))
        .allMatch(t::equals);
  }

  private static String freshLocal(Domains declared) {
    for (String name : new String[] {"t", "u", "s", "t1", "t2"}) {
      if (!declared.isDeclared(UserSymbols.named(name))) {
        return name;
      }
    }
    return "tlocal";
  }

  /** User symbols in tree order (stable). */
  static Set<ISymbol> userSymbols(IExpr expr) {
    Set<ISymbol> out = new LinkedHashSet<>();
    Trees.walk(expr, (path, sub) -> {
      if (sub instanceof ISymbol s && UserSymbols.isUser(s)) {
        out.add(s);
      } else if (sub instanceof IAST a && a.head() instanceof ISymbol s && UserSymbols.isUser(s)) {
        out.add(s);
      }
    });
    return out;
  }

  static LinkedHashMap<String, Object> params(Object... keysAndValues) {
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  static TextParams textParams(Candidate c, Source source) {
    return new TextParams(c.params(), source);
  }
}
