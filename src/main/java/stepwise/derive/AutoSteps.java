package stepwise.derive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.AutoStep;
import stepwise.model.Call;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.Rewrite;
import stepwise.model.Text;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/**
 * Fills the "rule: auto" steps (and the goal:) of a derivation with the steps the search finds.
 * Each is searched from the line before it (the start, or the expression the written steps
 * reached) to its expect:. A step not found stays as it is: it does not apply, so the check
 * reports it as unknown, never as passing. The found steps are ordinary steps: the pipeline
 * rewrites and verifies them like written ones.
 */
public final class AutoSteps {
  /** Search time per auto step when check runs the search. */
  public static final Duration CHECK_BUDGET = Duration.ofSeconds(30);

  private AutoSteps() {}

  /** The derivation with its auto steps filled, and one search result per auto step (in order). */
  public record Filled(Derivation derivation, List<Search.Result> results) {}

  public static boolean has(Derivation d) {
    return d.steps().stream().anyMatch(AutoStep::isAuto);
  }

  /** Fills with the check budget; a derivation without auto steps comes back as it is. */
  public static Derivation fill(Derivation d, IExpr start, Catalogue catalogue, Settings settings) {
    return has(d) && start != null ? fill(d, start, catalogue, settings, CHECK_BUDGET).derivation() : d;
  }

  public static Filled fill(Derivation d, IExpr start, Catalogue catalogue, Settings settings, Duration budget) {
    Search search = new Search(catalogue, settings);
    List<Derivation.Step> steps = new ArrayList<>();
    List<Search.Result> results = new ArrayList<>();
    IExpr current = start;
    Domains domains = d.domains();
    for (Derivation.Step step : d.steps()) {
      if (current != null && step.call() instanceof AutoStep auto) {
        Search.Result r = search.run(current, domains, step.expect(), auto.relation(), auto.variables(), auto.reader(),
            step.source(), budget);
        results.add(r);
        if (r.found()) {
          for (int i = 0; i < r.steps().size(); i++) {
            Search.Step s = r.steps().get(i);
            boolean last = i == r.steps().size() - 1;
            IExpr expect = last ? step.expect() : milestone(r.steps(), i) ? s.after() : null;
            steps.add(new Derivation.Step(0, s.rule(), found(s.call()), false, expect,
                expect == null ? null : stepwise.expr.ExprPrinter.print(expect), last ? step.name() : null,
                last ? step.note() : Text.NONE, step.source()));
            domains = domains.merge(introduced(s, domains));
          }
          current = step.expect();
          continue;
        }
        steps.add(step);
        current = step.expect();
        continue;
      }
      steps.add(step);
      if (current != null) {
        try {
          Rewrite rewrite = step.call().apply(current, domains);
          domains = domains.merge(rewrite.introduced());
          current = step.expect() != null && rewrite.computed() != null ? step.expect() : rewrite.after();
        } catch (Call.NotApplicable | stepwise.model.InputError e) {
          current = step.expect();
        } catch (RuntimeException e) {
          current = step.expect();
        }
      }
    }
    List<Derivation.Step> numbered = new ArrayList<>();
    for (Derivation.Step s : steps) {
      numbered.add(new Derivation.Step(numbered.size() + 1, s.rule(), s.call(), s.repeat(), s.expect(), s.expectText(),
          s.name(), s.note(), s.source()));
    }
    Derivation filled = new Derivation(d.id(), d.file(), d.title(), d.summary(), d.symbols(), d.domains(), d.start(),
        numbered, d.claims(), d.expectFailure(), d.correction(), d.source());
    return new Filled(filled, results);
  }

  private static Domains introduced(Search.Step s, Domains domains) {
    try {
      return s.call().apply(s.before(), domains).introduced();
    } catch (RuntimeException e) {
      return Domains.NONE;
    }
  }

  /**
   * Where a reader wants to see the expression written out: after a step that changes the
   * relation, specialises or uses a definition, and at least every third step.
   */
  static boolean milestone(List<Search.Step> steps, int i) {
    Search.Step s = steps.get(i);
    boolean equal = s.relation() instanceof stepwise.model.Relation.Order o && o.op() == stepwise.model.Relation.Op.EQ;
    if (!equal || s.computed() || s.rule().equals("substitute") || s.rule().equals("fold") || s.rule().equals("unfold")) {
      return true;
    }
    int sinceLast = 0;
    for (int j = i; j >= 0; j--) {
      Search.Step t = steps.get(j);
      boolean tEqual = t.relation() instanceof stepwise.model.Relation.Order o && o.op() == stepwise.model.Relation.Op.EQ;
      if (j < i && (!tEqual || t.computed() || t.rule().equals("substitute") || t.rule().equals("fold") || t.rule().equals("unfold"))) {
        break;
      }
      sinceLast++;
    }
    return sinceLast % 3 == 0;
  }

  /** The same call, marked as found by the search (reports show it). */
  static Call found(Call call) {
    return new Call() {
      @Override
      public String ruleName() {
        return call.ruleName();
      }

      @Override
      public Rewrite apply(IExpr expr, Domains domains) {
        return call.apply(expr, domains);
      }

      @Override
      public boolean found() {
        return true;
      }
    };
  }
}
