package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.model.Relation;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.rules.Definitions;

/**
 * Verifies every step, whatever rule produced it: each obligation is proved symbolically,
 * confirmed at sample points, or refuted with a counterexample re-checked at 50 digits. A side
 * condition that cannot be proved refuses the step. Nothing the rule claims is taken on trust,
 * except that a catalogue theorem (tested on its own) carries a step once its conditions are
 * proved.
 */
public final class Verifier {
  /** Points re-checked at 50/70 digits before a numerical "equal" is reported. */
  private static final int PRECISE_POINTS = 6;
  private final Catalogue catalogue;
  private final Settings settings;

  public Verifier(Catalogue catalogue, Settings settings) {
    this.catalogue = catalogue;
    this.settings = settings;
  }

  public StepVerdict verify(RewrittenStep step) {
    if (!step.reached()) {
      return new StepVerdict(Status.UNKNOWN, step.failure(), List.of(), 0, 0, StepVerdict.ExpectMatch.NONE, List.of());
    }
    if (!step.applied()) {
      return new StepVerdict(Status.UNKNOWN, "rule does not apply: " + step.failure(), List.of(), 0, 0,
          StepVerdict.ExpectMatch.NONE, List.of());
    }
    Domains domains = step.domains();
    List<Finding> findings = new ArrayList<>();
    List<Finding> conditions = new ArrayList<>();
    for (Obligation o : step.rewrite().obligations()) {
      if (o instanceof Obligation.Condition c) {
        Finding f = condition(c, domains);
        conditions.add(f);
        findings.add(f);
      }
    }
    boolean conditionsProved = conditions.stream().allMatch(f -> f.status() == Status.PROVED);
    for (Obligation o : step.rewrite().obligations()) {
      if (o instanceof Obligation.Relates r) {
        findings.add(relates(r, domains, r.byRule() && conditionsProved ? step.spec().rule() : null));
      } else if (o instanceof Obligation.IsMean m) {
        findings.add(mean(m, domains));
      }
    }
    StepVerdict.ExpectMatch expect = StepVerdict.ExpectMatch.NONE;
    if (step.spec().expect() != null) {
      IExpr computed = step.rewrite().after();
      if (computed.equals(step.spec().expect())) {
        expect = StepVerdict.ExpectMatch.FORM;
      } else {
        Finding f = equal("the result equals the expected " + ExprPrinter.print(step.spec().expect()), computed,
            step.spec().expect(), domains, List.of(), null);
        findings.add(f);
        expect = f.status().holds() ? StepVerdict.ExpectMatch.VALUE
            : f.status() == Status.REFUTED ? StepVerdict.ExpectMatch.DIFFERS : StepVerdict.ExpectMatch.NONE;
      }
    }
    Status status = Status.combine(findings.stream().map(Finding::status).toList());
    return new StepVerdict(status, summary(status, findings), findings,
        findings.stream().mapToInt(Finding::samples).max().orElse(0),
        findings.stream().mapToDouble(Finding::maxError).max().orElse(0), expect, spots(findings));
  }

  private static List<SpotCheck> spots(List<Finding> findings) {
    for (Finding f : findings) {
      if (!f.spots().isEmpty() && f.what().startsWith("previous")) {
        return f.spots();
      }
    }
    return findings.stream().filter(f -> !f.spots().isEmpty()).findFirst().map(Finding::spots).orElse(List.of());
  }

  private static String summary(Status status, List<Finding> findings) {
    for (Finding f : findings) {
      if (f.status() == status && status != Status.PROVED && status != Status.CONFIRMED) {
        return f.what() + ": " + f.reason();
      }
    }
    List<String> methods = new ArrayList<>();
    for (Finding f : findings) {
      if (f.status() == status && !f.method().isEmpty() && !methods.contains(f.method())) {
        methods.add(f.method());
      }
    }
    return String.join("; ", methods);
  }

  /** A side condition: proved by interval arithmetic, else refused (refuted if it fails somewhere). */
  private Finding condition(Obligation.Condition c, Domains base) {
    Domains domains = base.merge(c.extra());
    SymbolicProver prover = new SymbolicProver(catalogue, domains, settings.deadline());
    IExpr condition;
    try {
      condition = prover.prepare(c.condition());
    } catch (Cas.DeadlineExceeded e) {
      return new Finding("condition " + c.describe(), Status.UNKNOWN, "", 0, 0, null,
          "time limit reached while preparing the condition", List.of());
    }
    boolean proved = new SignProver(domains).proves(condition, c.within());
    NumericResult numeric = checks(domains).condition(condition, c.within());
    if (proved && !numeric.violated()) {
      return new Finding("condition " + c.describe(), Status.PROVED, "interval arithmetic", numeric.points(), 0, null, "",
          List.of());
    }
    if (numeric.violated()) {
      return new Finding("condition " + c.describe(), Status.REFUTED, "", numeric.points(), 0, numeric.counterexample(),
          "rule refused: " + ExprPrinter.print(condition) + " fails at " + numeric.counterexample().describe(), List.of());
    }
    String seen = numeric.points() > 0 ? " (it held at " + numeric.points() + " sample points)" : "";
    return new Finding("condition " + c.describe(), Status.UNKNOWN, "", numeric.points(), 0, null,
        "rule refused: cannot show " + ExprPrinter.print(condition) + " under the domains" + seen, List.of());
  }

  private Finding relates(Obligation.Relates r, Domains domains, String byRule) {
    Relation relation = r.relation();
    if (relation.equals(Relation.EQUAL)) {
      return equal(r.describe(), r.left(), r.right(), domains, List.of(), byRule);
    }
    if (relation instanceof Relation.Order order) {
      return order(r.describe(), r.left(), order.op(), r.right(), domains, byRule);
    }
    if (relation instanceof Relation.UpToConstant u) {
      return upToConstant(r.describe(), r.left(), r.right(), u, domains);
    }
    return new Finding(r.describe(), Status.UNKNOWN, "", 0, 0, null, "no check for relation " + relation.symbol(), List.of());
  }

  /** a = b: numeric sampling first (cheap, and it catches false claims), then symbolic proof. */
  public Finding equal(String what, IExpr a, IExpr b, Domains domains, List<Obligation.Iteration> within, String byRule) {
    IExpr left;
    IExpr right;
    try {
      left = Definitions.unfoldAll(a, catalogue, domains);
      right = Definitions.unfoldAll(b, catalogue, domains);
    } catch (stepwise.model.Call.NotApplicable e) {
      return new Finding(what, Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
    }
    NumericResult numeric = checks(domains).equal(left, right, within);
    if (numeric.violated()) {
      return refuted(what, numeric, "the two sides differ");
    }
    if (a.equals(b)) {
      return proved(what, "identical", numeric);
    }
    SymbolicProver prover = new SymbolicProver(catalogue, domains, settings.deadline());
    Optional<String> proof;
    try {
      proof = prover.proveZero(Trees.plus(a, Trees.negate(b)), within);
    } catch (Cas.DeadlineExceeded e) {
      return timeLimit(what, numeric);
    }
    if (proof.isPresent()) {
      return proved(what, proof.get(), numeric);
    }
    if (byRule != null && !numeric.violated()) {
      return proved(what, "by rule " + byRule + " (its conditions proved)", numeric);
    }
    NumericResult precise = checks(domains).equalPrecisely(left, right, within, PRECISE_POINTS);
    if (precise.violated()) {
      return refuted(what, precise, "the two sides differ (by less than double precision can see)");
    }
    return unproved(what, numeric);
  }

  /** a OP b for an order relation. */
  public Finding order(String what, IExpr a, Relation.Op op, IExpr b, Domains domains, String byRule) {
    IExpr left = Definitions.unfoldAll(a, catalogue, domains);
    IExpr right = Definitions.unfoldAll(b, catalogue, domains);
    IExpr head = switch (op) {
      case LE -> S.LessEqual;
      case LT -> S.Less;
      case GE -> S.GreaterEqual;
      case GT -> S.Greater;
      case EQ -> S.Equal;
    };
    NumericResult numeric = checks(domains).order(left, head, right, List.of());
    if (numeric.violated()) {
      return refuted(what, numeric, "the inequality fails");
    }
    SymbolicProver prover = new SymbolicProver(catalogue, domains, settings.deadline());
    try {
      Optional<String> proof = prover.proveSign(Trees.plus(left, Trees.negate(right)), head);
      if (proof.isPresent()) {
        return proved(what, proof.get(), numeric);
      }
    } catch (Cas.DeadlineExceeded e) {
      return timeLimit(what, numeric);
    }
    if (byRule != null) {
      return proved(what, "by rule " + byRule + " (its conditions proved)", numeric);
    }
    return unproved(what, numeric);
  }

  private Finding upToConstant(String what, IExpr a, IExpr b, Relation.UpToConstant u, Domains domains) {
    Set<ISymbol> over = new LinkedHashSet<>();
    for (String name : u.over()) {
      over.add(UserSymbols.named(name));
    }
    IExpr difference;
    try {
      difference = Definitions.unfoldAll(Trees.plus(a, Trees.negate(b)), catalogue, domains);
    } catch (stepwise.model.Call.NotApplicable e) {
      return new Finding(what, Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
    }
    NumericResult numeric = checks(domains).independent(difference, over);
    if (numeric.violated()) {
      return refuted(what, numeric, "the dropped part depends on " + String.join(", ", u.over()));
    }
    SymbolicProver prover = new SymbolicProver(catalogue, domains, settings.deadline());
    try {
      Optional<String> proof = prover.proveIndependent(difference, over);
      if (proof.isPresent()) {
        return proved(what, proof.get(), numeric);
      }
    } catch (Cas.DeadlineExceeded e) {
      return timeLimit(what, numeric);
    }
    return unproved(what, numeric);
  }

  private Finding mean(Obligation.IsMean m, Domains domains) {
    Map<org.matheclipse.core.interfaces.IExpr, IExpr> perSample = new java.util.LinkedHashMap<>();
    m.copies().forEach((v, family) -> perSample.put(v, Trees.node(family, m.index())));
    IExpr expected = Trees.times(Trees.power(m.count(), F.CN1), Trees.node(S.Sum,
        Trees.tidy(Trees.substitute(m.single(), perSample)), Trees.node(S.List, m.index(), F.C1, m.count())));
    NumericResult numeric = checks(domains).mean(m);
    if (numeric.violated()) {
      return refuted(m.describe(), numeric, "the result is not the mean over the samples");
    }
    if (expected.equals(m.mean())) {
      return proved(m.describe(), "by construction: (1/" + m.count().getSymbolName() + ") times the sum over the samples",
          numeric);
    }
    return unproved(m.describe(), numeric);
  }

  private Checks checks(Domains domains) {
    return new Checks(domains, settings.samples(), settings.seed());
  }

  private static Finding proved(String what, String method, NumericResult numeric) {
    return new Finding(what, Status.PROVED, method, numeric.points(), numeric.maxError(), null, "", numeric.shown());
  }

  private static Finding refuted(String what, NumericResult numeric, String reason) {
    return new Finding(what, Status.REFUTED, "", numeric.points(), numeric.maxError(), numeric.counterexample(),
        reason + " at " + numeric.counterexample().describe(), numeric.shown());
  }

  private Finding unproved(String what, NumericResult numeric) {
    if (numeric.confirms(settings.samples())) {
      return new Finding(what, Status.CONFIRMED, "numerically, at " + numeric.points() + " points", numeric.points(),
          numeric.maxError(), null, "", numeric.shown());
    }
    String why = numeric.problem() != null ? numeric.problem()
        : "too few points where both sides are defined (" + numeric.points() + ")";
    return new Finding(what, Status.UNKNOWN, "", numeric.points(), numeric.maxError(), null,
        "no symbolic proof, and " + why, numeric.shown());
  }

  private static Finding timeLimit(String what, NumericResult numeric) {
    String seen = numeric.points() > 0 ? "; numerically it held at " + numeric.points() + " points" : "";
    return new Finding(what, Status.UNKNOWN, "", numeric.points(), numeric.maxError(), null,
        "time limit reached in the symbolic check" + seen, numeric.shown());
  }
}
