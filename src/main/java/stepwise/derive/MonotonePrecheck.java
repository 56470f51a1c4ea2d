package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Derivation;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.Obligation;
import stepwise.model.Relation;
import stepwise.model.Rewrite;
import stepwise.model.Source;
import stepwise.model.Text;
import stepwise.rules.Catalogue;
import stepwise.verify.Counterexample;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;
import stepwise.verify.Verifier;

/**
 * Whether goal = g(start) for some strictly increasing (or decreasing) g can be true: for
 * every two points a and b, start(a) < start(b) must hold exactly when goal(a) < goal(b) (for
 * a decreasing g: goal(a) > goal(b)). Every variable gets a second copy x′ with the same
 * domain, and the verifier samples the two statements as one "same truth" question: a point
 * (a, b) where one holds and the other does not, re-checked at 50 digits, refutes the goal.
 * Sampling never proves it: no counterexample only lets the search go on.
 */
final class MonotonePrecheck {
  private static final String COPY = "′";

  private MonotonePrecheck() {}

  /** over: the variables that vary between the two points (empty: all of them; the others are held fixed). */
  static Finding check(IExpr start, IExpr goal, boolean increasing, List<String> over, Domains domains, ExprReader reader,
      Source source, Catalogue catalogue, Settings settings) {
    String what = "start " + (increasing ? "↗" : "↘") + " goal";
    if (start.equals(goal)) {
      return new Finding(what, increasing ? Status.PROVED : Status.REFUTED, "identical", 0, 0, null,
          increasing ? "" : "the goal is the start itself, which does not decrease as the start grows", List.of());
    }
    Map<IExpr, IExpr> copies = new LinkedHashMap<>();
    for (ISymbol s : domains.declared().keySet()) {
      if (over.isEmpty() || over.contains(s.getSymbolName())) {
        copies.put(s, UserSymbols.named(s.getSymbolName() + COPY));
      }
    }
    for (ISymbol s : Moves.userSymbols(Trees.node(S.List, start, goal))) {
      if (over.isEmpty() || over.contains(s.getSymbolName())) {
        copies.putIfAbsent(s, UserSymbols.named(s.getSymbolName() + COPY));
      }
    }
    Domains doubled = doubled(domains, copies);
    IExpr startCopy = Trees.substitute(start, copies);
    IExpr goalCopy = Trees.substitute(goal, copies);
    IExpr before = Trees.node(S.Less, start, startCopy);
    IExpr after = Trees.node(increasing ? S.Less : S.Greater, goal, goalCopy);
    Rewrite question = new Rewrite(before, after, new Relation.Equivalent("order kept"), List.of(
        new Obligation.SameTruth(before, after, what)), Domains.NONE, "");
    StepVerdict v = new Verifier(catalogue, settings).verify(new stepwise.rewrite.RewrittenStep(
        new Derivation.Step(1, "goal", null, false, null, null, null, Text.NONE, source), before, question, null,
        doubled, true));
    Finding refuted = v.findings().stream().filter(f -> f.status() == Status.REFUTED).findFirst().orElse(null);
    if (refuted == null) { // the verifier calls the sampled pairs a proof when no condition is left: it is not one here
      Status status = v.status() == Status.REFUTED ? Status.REFUTED : Status.UNKNOWN;
      return new Finding(what, status, "", v.samples(), 0, null, v.status() == Status.UNKNOWN ? v.summary()
          : "no pair of the " + v.samples() + " sampled disagrees, which is no proof", List.of());
    }
    return new Finding(what, Status.REFUTED, refuted.method(), refuted.samples(), refuted.maxError(),
        refuted.counterexample(), reason(refuted.counterexample(), start, goal, increasing, copies, reader, source),
        List.of());
  }

  /** The domains with every declared symbol's copy declared alike (ranges and constraints renamed too). */
  private static Domains doubled(Domains domains, Map<IExpr, IExpr> copies) {
    Map<ISymbol, Domain> all = new LinkedHashMap<>(domains.declared());
    domains.declared().forEach((s, d) -> {
      if (!copies.containsKey(s)) {
        return; // held fixed: one value for both points
      }
      if (d instanceof Domain.Family f) {
        all.put((ISymbol) copies.get(s), new Domain.Family(f.index(), Trees.substitute(f.lo(), copies),
            Trees.substitute(f.hi(), copies), f.element(), f.sumsToOne(), f.second() == null ? null
                : new Domain.Axis(f.second().index(), Trees.substitute(f.second().lo(), copies),
                    Trees.substitute(f.second().hi(), copies))));
      } else {
        all.put((ISymbol) copies.get(s), d);
      }
    });
    List<IExpr> equalities = new ArrayList<>(domains.equalities());
    domains.equalities().forEach(e -> equalities.add(Trees.substitute(e, copies)));
    List<IExpr> conditions = new ArrayList<>(domains.conditions());
    domains.conditions().forEach(c -> conditions.add(Trees.substitute(c, copies)));
    return new Domains(all, equalities, conditions);
  }

  /**
   * The two points and, where the variables are plain numbers, what start and goal come to at
   * each (at 50 digits, shown to 12): "at x = 1: start = 0, goal = 0; at x = 2: ...".
   */
  private static String reason(Counterexample c, IExpr start, IExpr goal, boolean increasing, Map<IExpr, IExpr> copies,
      ExprReader reader, Source source) {
    String kept = "the goal does not " + (increasing ? "grow" : "fall") + " with the start";
    if (c == null) {
      return kept;
    }
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, String> second = new LinkedHashMap<>();
    c.point().forEach((k, v) -> {
      if (k.endsWith(COPY)) {
        second.put(k.substring(0, k.length() - COPY.length()), v);
      } else {
        first.put(k, v);
      }
    });
    first.forEach((k, v) -> second.putIfAbsent(k, v)); // a symbol only one side mentions
    return kept + ": " + at(first, start, goal, reader, source) + "; " + at(second, start, goal, reader, source);
  }

  private static String at(Map<String, String> point, IExpr start, IExpr goal, ExprReader reader, Source source) {
    StringBuilder out = new StringBuilder("at ");
    point.forEach((k, v) -> out.append(out.length() == 3 ? "" : ", ").append(k).append(" = ").append(v));
    try {
      Map<IExpr, IExpr> values = new LinkedHashMap<>();
      for (var e : point.entrySet()) {
        if (e.getValue().startsWith("(")) {
          return out.toString(); // a family's entries: the point is shown, its values are the verifier's business
        }
        values.put(UserSymbols.named(e.getKey()), exact(e.getValue(), reader, source));
      }
      String s = show(Trees.substitute(start, values));
      String g = show(Trees.substitute(goal, values));
      return s == null || g == null ? out.toString() : out + ": start = " + s + ", goal = " + g;
    } catch (RuntimeException e) { // a value the reader does not take: the point alone
      return out.toString();
    }
  }

  /** A shown value as an exact number (0.1 as 1/10), so the values are computed at 50 digits, not in doubles. */
  private static IExpr exact(String value, ExprReader reader, Source source) {
    try {
      java.math.BigDecimal d = new java.math.BigDecimal(value);
      return d.scale() <= 0 ? org.matheclipse.core.expression.F.ZZ(d.toBigIntegerExact())
          : org.matheclipse.core.expression.F.fraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(d.scale()));
    } catch (NumberFormatException | ArithmeticException e) {
      return reader.read(value, source); // 1/3, Pi/4: the reader's exact forms
    }
  }

  private static String show(IExpr closed) {
    java.math.BigDecimal d = Cas.decimal(closed, 50);
    return d == null ? null : d.round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
  }

  static String describe(IExpr start, IExpr goal, boolean increasing, List<String> over) {
    return ExprPrinter.print(goal) + "  =  g(" + ExprPrinter.print(start) + ") for a strictly "
        + (increasing ? "increasing" : "decreasing") + " g"
        + (over.isEmpty() ? "" : " (for fixed values of everything but " + String.join(", ", over) + ")");
  }
}
