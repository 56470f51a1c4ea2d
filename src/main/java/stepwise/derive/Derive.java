package stepwise.derive;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprPrinter;
import stepwise.model.AutoStep;
import stepwise.model.Derivation;
import stepwise.model.Relation;
import stepwise.pipeline.Equivalence;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;
import stepwise.verify.Verifier;

/**
 * What stepwise derive does with one file: refute a false goal first (an equality the
 * equivalence check refutes, an inequality the order check refutes: a counterexample, no
 * search), then search for each auto step and write the completed file's text.
 */
public final class Derive {
  private final Catalogue catalogue;
  private final Settings settings;

  public Derive(Catalogue catalogue, Settings settings) {
    this.catalogue = catalogue;
    this.settings = settings;
  }

  /** refuted: the goal is false (nothing to write); found: every auto step was filled. */
  public record Outcome(boolean refuted, boolean found, String text, AutoSteps.Filled filled) {}

  public Outcome run(Derivation d, IExpr start, String originalText, Duration budget, PrintStream out) {
    Derivation.Step first = d.steps().get(0);
    java.util.List<String> brought = first.call() instanceof AutoStep a && "≃".equals(a.relation())
        ? namedOnlyByGoal(start, first.expect(), d) : List.of();
    if (!brought.isEmpty()) { // e.g. y, yhat after n = 2 and P(1) = 1 - y: the relation holds in that case only
      out.println("Start ≃ goal: not asked in general (the goal names " + String.join(", ", brought)
          + ", which the start does not: a substitution has to bring them in); searching for the steps");
    } else if (first.call() instanceof AutoStep auto && auto.relation() != null) {
      Finding f = precheck(start, first.expect(), auto, d, settings);
      if (f.status() == Status.UNKNOWN && String.valueOf(f.reason()).contains("time limit")) {
        // a busy machine must not turn a refutation into a search: once more, with the search's budget
        f = precheck(start, first.expect(), auto, d, new Settings(settings.samples(), budget, settings.seed()));
      }
      String question = question(start, first.expect(), auto);
      if (f.status() == Status.REFUTED) {
        out.println("The goal is false: " + question);
        out.println("  refuted: " + f.reason() + " (re-checked at 50 digits). No search: no chain of valid steps can reach it.");
        return new Outcome(true, false, null, null);
      }
      boolean monotone = new Wanted(auto.relation(), auto.variables()).monotone();
      String asked = auto.relation().equals("derivative") || auto.relation().equals("stationary")
          ? "The goal as asked (" + question + ")" : "Start " + auto.relation() + " goal";
      out.println(asked + ": " + (monotone && f.status() == Status.UNKNOWN
          ? "not refuted (" + f.reason() + "); searching for the steps" : f.status().words()
          + (f.status() == Status.UNKNOWN ? " (" + f.reason() + "); searching anyway" : "; searching for the steps")));
    }
    AutoSteps.Filled filled = AutoSteps.fill(d, start, catalogue, settings, budget);
    boolean all = true;
    int k = 0;
    for (Derivation.Step step : d.steps()) {
      if (!AutoStep.isAuto(step)) {
        continue;
      }
      Search.Result r = filled.results().get(k++);
      all &= r.found();
      out.println((((AutoStep) step.call()).goalField() ? "goal " : "step " + step.number() + " (rule: auto) ")
          + ExprPrinter.print(step.expect()) + ": " + r.message() + String.format(java.util.Locale.ROOT,
              " in %.1f s (%d expressions expanded, %d steps verified)", r.seconds(), r.expanded(), r.verified()));
      for (Search.Step s : r.steps()) {
        out.println("    " + s.rule() + (s.params().isEmpty() ? "" : " " + s.params()) + "   " + relationSymbol(s.relation())
            + " " + ExprPrinter.print(s.after()));
      }
      if (!r.found()) {
        out.println("  closest: " + ExprPrinter.print(r.reached()) + " (distance " + r.distance() + " to the goal)");
      }
    }
    String text = DerivationWriter.write(originalText, d, filled.results());
    return new Outcome(false, all, text, filled);
  }

  /** The goal's free symbols that neither the start nor its families' ranges (n of P(i), i = 1..n) name. */
  private static List<String> namedOnlyByGoal(IExpr start, IExpr goal, Derivation d) {
    java.util.Set<org.matheclipse.core.interfaces.ISymbol> known = new java.util.LinkedHashSet<>(Moves.userSymbols(start));
    for (org.matheclipse.core.interfaces.ISymbol s : Moves.userSymbols(start)) {
      stepwise.model.Domain.Family family = d.domains().family(s);
      if (family != null) {
        known.addAll(Moves.userSymbols(family.index()));
        known.addAll(Moves.userSymbols(family.hi()));
      }
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (org.matheclipse.core.interfaces.ISymbol s : Moves.userSymbols(goal)) {
      if (!known.contains(s) && !stepwise.expr.Trees.contains(goal, e -> stepwise.rules.Places.iterationOf(e) != null
          && stepwise.rules.Places.iterationOf(e).index().equals(s))) {
        out.add(s.getSymbolName());
      }
    }
    return out;
  }

  private Finding precheck(IExpr start, IExpr goal, AutoStep auto, Derivation d, Settings settings) {
    String relation = auto.relation();
    if (relation.equals("≃")) { // the difference must not depend on the variables: two points where it differs refute it
      Relation.UpToConstant over = new Relation.UpToConstant(new java.util.LinkedHashSet<>(auto.variables()));
      stepwise.model.Rewrite question = new stepwise.model.Rewrite(start, goal, over, List.of(
          new stepwise.model.Obligation.Relates(start, over, goal, false, "start ≃ goal")), stepwise.model.Domains.NONE, "");
      stepwise.verify.StepVerdict v = new Verifier(catalogue, settings).verify(new stepwise.rewrite.RewrittenStep(
          new Derivation.Step(1, "goal", null, false, null, null, null, stepwise.model.Text.NONE, d.source()), start,
          question, null, d.domains(), true));
      return v.findings().stream().filter(f -> f.status() == Status.REFUTED).findFirst()
          .orElse(new Finding("start ≃ goal", v.status(), "", v.samples(), v.maxError(), null, v.summary(), List.of()));
    }
    if (relation.equals("=")) {
      return new Equivalence(catalogue, settings).check(new Equivalence.Question(start, goal, d.domains()));
    }
    if (relation.equals("↗") || relation.equals("↘")) {
      // sampled pairs can only refute: a false claim shows at a few of them, so the search's 60 points, not 200
      return MonotonePrecheck.check(start, goal, relation.equals("↗"), auto.variables(), d.domains(), auto.reader(), d.source(), catalogue,
          new Settings(Math.min(settings.samples(), 60), settings.deadline(), settings.seed()));
    }
    if (relation.equals("derivative")) { // the derivative worked out by the catalogue's rule, then compared with the goal
      try {
        stepwise.rules.Rule rule = catalogue.firstOfKind("derivative")
            .orElseThrow(() -> new stepwise.model.Call.NotApplicable("the catalogue has no derivative rule"));
        stepwise.model.Rewrite r = rule.prepare(new TextParams(java.util.Map.of("in", auto.variables().get(0)), d.source()),
            auto.reader()).apply(start, d.domains());
        return new Equivalence(catalogue, settings).check(new Equivalence.Question(r.after(), goal,
            d.domains().merge(r.introduced())));
      } catch (stepwise.model.Call.NotApplicable | stepwise.model.InputError e) {
        return new Finding("the derivative", Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
      }
    }
    if (relation.equals("stationary")) { // the step itself, with the goal's value as the solution, checked
      if (!(goal instanceof org.matheclipse.core.interfaces.IAST eq && eq.isAST(org.matheclipse.core.expression.S.Equal, 3))) {
        return new Finding("the stationary point", Status.UNKNOWN, "", 0, 0, null, "the goal is not variable == value", List.of());
      }
      try {
        stepwise.rules.Rule rule = catalogue.firstOfKind("stationary")
            .orElseThrow(() -> new stepwise.model.Call.NotApplicable("the catalogue has no stationary-point rule"));
        stepwise.model.Call call = rule.prepare(new TextParams(java.util.Map.of("in", auto.variables().get(0), "solution",
            ExprPrinter.print(((org.matheclipse.core.interfaces.IAST) goal).arg2())), d.source()), auto.reader());
        stepwise.model.Rewrite r = call.apply(start, d.domains());
        stepwise.verify.StepVerdict v = new Verifier(catalogue, settings).verify(new stepwise.rewrite.RewrittenStep(
            new Derivation.Step(1, rule.name(), call, false, null, null, null, stepwise.model.Text.NONE, d.source()), start,
            r, null, d.domains(), true));
        return v.findings().stream().filter(f -> f.status() == Status.REFUTED).findFirst()
            .map(f -> new Finding(f.what(), f.status(), f.method(), f.samples(), f.maxError(), f.counterexample(),
                f.what() + ": " + f.reason(), f.spots()))
            .orElse(new Finding("the stationary point", v.status(), "", v.samples(), v.maxError(), null, v.summary(), List.of()));
      } catch (stepwise.model.Call.NotApplicable | stepwise.model.InputError e) {
        return new Finding("the stationary point", Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
      }
    }
    Relation.Op op = relation.equals("<=") ? Relation.Op.LE : Relation.Op.GE;
    return new Verifier(catalogue, settings).order("start " + relation + " goal", start, op, goal, d.domains(), null);
  }

  /** The question the precheck asks, in words. */
  private static String question(IExpr start, IExpr goal, AutoStep auto) {
    String s = ExprPrinter.print(start);
    String g = ExprPrinter.print(goal);
    return switch (auto.relation()) {
      case "≃" -> s + "  ≃  " + g + " (up to a constant in " + String.join(", ", auto.variables()) + ")";
      case "↗", "↘" -> MonotonePrecheck.describe(start, goal, auto.relation().equals("↗"), auto.variables());
      case "derivative" -> "the derivative of " + s + " in " + auto.variables().get(0) + "  =  " + g;
      case "stationary" -> s + " is stationary in " + auto.variables().get(0) + " at " + g;
      default -> s + "  " + auto.relation() + "  " + g;
    };
  }

  private static String relationSymbol(Relation r) {
    return r.symbol();
  }

  static List<String> none() {
    return List.of();
  }
}
