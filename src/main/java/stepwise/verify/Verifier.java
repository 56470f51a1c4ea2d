package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
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
 * proved and its numeric spot check ran.
 *
 * <p>The shape of every check: one {@link Budget} of --timeout on an abandonable worker
 * ({@link #guarded}); a list of {@link Strategy strategies} (sampling, the symbolic provers,
 * the rule's authority, deeper searches) that fill in the {@link Evidence}; and
 * {@link Evidence#decide}, the one place a verdict is made. Counterexamples come only from
 * {@link Checks}, which lets none through that the {@link Certifier} objects to. To add a
 * prover, add a strategy to the list of the relation it serves.
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

  /**
   * How far past --timeout a check may run before its worker is left behind: Symja and the
   * sampler stop at the deadline themselves; this covers work that never looks at the clock.
   */
  static final java.time.Duration MARGIN = java.time.Duration.ofMillis(500);

  public StepVerdict verify(RewrittenStep step) {
    return guarded(() -> verifyNow(step), why -> unknownStep(why));
  }

  /**
   * Runs one whole check under one budget of --timeout, on a worker that is abandoned if it
   * overruns by more than MARGIN; a check inside a check shares the outer budget.
   */
  private <T> T guarded(java.util.function.Supplier<T> work, java.util.function.Function<String, T> timedOut) {
    if (stepwise.cas.Worker.inside()) {
      return work.get();
    }
    Budget budget = Budget.of(settings.deadline());
    String limit = "time limit (" + Budget.seconds(settings.deadline()) + " s) reached";
    try {
      return stepwise.cas.Worker.call(settings.deadline().plus(MARGIN), () -> budget.around(work));
    } catch (stepwise.cas.Worker.Abandoned | Cas.DeadlineExceeded e) {
      return timedOut.apply(limit);
    } catch (StackOverflowError e) {
      return timedOut.apply("the expression is too deeply nested to check");
    }
  }

  private StepVerdict verifyNow(RewrittenStep step) {
    if (!step.reached()) {
      return new StepVerdict(Status.UNKNOWN, step.failure(), List.of(), 0, 0, StepVerdict.ExpectMatch.NONE, List.of());
    }
    if (!step.applied()) {
      return new StepVerdict(Status.UNKNOWN, "rule does not apply: " + step.failure(), List.of(), 0, 0,
          StepVerdict.ExpectMatch.NONE, List.of());
    }
    if (step.rewrite().before().equals(step.rewrite().after())) {
      return unknownStep("the rule changed nothing: the expression is the same as before the step");
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
        findings.add(relates(r, domains, r.byRule() && conditionsProved && catalogue.vetted(step.spec().rule()) ? step.spec().rule() : null));
      } else if (o instanceof Obligation.IsMean m) {
        findings.add(mean(m, domains));
      } else if (o instanceof Obligation.SameTruth t) {
        findings.add(sameTruth(t, domains, conditionsProved));
      }
    }
    StepVerdict.ExpectMatch expect = StepVerdict.ExpectMatch.NONE;
    if (step.spec().expect() != null) {
      IExpr computed = step.rewrite().produced();
      if (computed.equals(step.spec().expect())) {
        expect = StepVerdict.ExpectMatch.FORM;
      } else {
        Finding f = equal("the result compared with the expected " + ExprPrinter.print(step.spec().expect()), computed,
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
    String what = "condition " + c.describe();
    Budget budget = Budget.current();
    IExpr condition;
    try {
      condition = new SymbolicProver(catalogue, domains, budget.remaining()).prepare(c.condition());
    } catch (Cas.DeadlineExceeded e) {
      return unknown(what, "time limit reached while preparing the condition");
    }
    Checks checks = checks(domains, budget);
    Evidence evidence = Strategy.run(what, budget, List.of(
        (e, t) -> e.sampled = checks.condition(IndicatorForms.applies(condition) // indicators are sampled as Piecewise
            ? SamplingForm.of(condition, domains, catalogue.heads().keySet()) : condition, c.within()),
        (e, t) -> e.proof = new SignProver(domains).proves(condition, c.within()) ? "interval arithmetic" : null));
    // a condition must be proved: sampling alone refuses the rule rather than confirming it
    evidence.proofRequired = "rule refused: cannot show " + ExprPrinter.print(condition) + " under the domains";
    return evidence.decide(settings.samples(), "rule refused: " + ExprPrinter.print(condition) + " fails");
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

  /**
   * a = b, for a derivation's step or claim: the same order as a free-standing question (see
   * {@link #equivalent}), so a step whose sampling is slow is not left unknown at its time limit
   * before a prover that would prove it at once has been tried; a step the provers prove is then
   * still sampled in full (its table shows 100+ points), and a counterexample found there refutes.
   */
  public Finding equal(String what, IExpr a, IExpr b, Domains domains, List<Obligation.Iteration> within, String byRule) {
    return guarded(() -> equalNow(what, a, b, domains, within, byRule, true), why -> unknown(what, why));
  }

  /**
   * a = b as a free-standing question (equiv, its batches, the API and the service): a short spot
   * check in doubles (SPOT_POINTS, which catches most false statements), then the symbolic
   * provers under a small slice of the time; a pair they prove needs no more samples. Only a pair
   * they do not prove goes on to the full sampling and the high-precision re-checks. A step that
   * a vetted catalogue rule carries samples in full first, as its verdict rests on that.
   */
  public Finding equivalent(String what, IExpr a, IExpr b, Domains domains) {
    return guarded(() -> equalNow(what, a, b, domains, List.of(), null, false), why -> unknown(what, why));
  }

  /**
   * Readies this process for many checks (equiv --batch, the server): high-precision readings
   * of elementary functions then go through Hipparchus' Dfp, whose set-up (a few tenths of a
   * second) is paid here, outside every check's time limit, and repaid within a few dozen checks.
   */
  public static void prepareForMany() {
    Precise.useDfp();
  }

  /** Sample points in doubles that guard a proof found first (against a slip of the CAS), see {@link #equivalent}. */
  static final int SPOT_POINTS = 20;
  /** The share of a check's time the first, quick proof attempt may take. */
  private static final double QUICK_PROOF_SHARE = 0.2;

  private Finding equalNow(String what, IExpr a, IExpr b, Domains domains, List<Obligation.Iteration> within,
      String byRule, boolean sampleAfterProof) {
    Budget budget = Budget.current();
    String huge = NumberSize.tooLarge(a, b);
    if (huge != null) {
      return unknown(what, huge); // before anything, Symja included, tries to compute it
    }
    IExpr left;
    IExpr right;
    SymbolicProver preparer = new SymbolicProver(catalogue, domains, budget.remaining());
    try {
      // sampling sees an arbitrary function F as a random smooth one, an indicator as a Piecewise; proofs see them as written
      left = SamplingForm.of(preparer.numericForm(a), domains, catalogue.heads().keySet());
      right = SamplingForm.of(preparer.numericForm(b), domains, catalogue.heads().keySet());
    } catch (stepwise.model.Call.NotApplicable e) {
      return unknown(what, e.getMessage());
    } catch (Cas.DeadlineExceeded e) {
      return unknown(what, "time limit reached in the symbolic check");
    }
    boolean statements = isStatement(left) && isStatement(right);
    IExpr difference = Trees.plus(a, Trees.negate(b));
    boolean special = SpecialForms.applies(difference) || InfiniteSums.applies(difference);
    Checks checks = checks(domains, budget);
    boolean quick = !statements && byRule == null; // the provers first, after a spot check
    // whether the quick proof attempt ran to its end without a proof (then the full attempt would only repeat it)
    boolean[] quickFinished = {false};
    Strategy sample = (e, t) -> e.sampled = statements ? checks.sameTruth(left, right) : checks.equal(left, right, within);
    List<Strategy> strategies = new ArrayList<>();
    strategies.add(quick ? (e, t) -> e.sampled = new Checks(domains, SPOT_POINTS, settings.seed(), budget).equal(left, right, within)
        : sample);
    strategies.add((e, t) -> e.proof = a.equals(b) ? "identical" : null);
    strategies.add((e, t) -> e.distrust = looseBound(domains, left, right));
    strategies.add((e, t) -> e.byRule = byRule); // known before the proof attempt, which may run out of time
    if (quick) {
      strategies.add((e, t) -> {
        java.time.Duration slice = java.time.Duration.ofNanos((long) (t.total().toNanos() * QUICK_PROOF_SHARE));
        try {
          e.proof = prove(special, domains, a, b, within, slice.compareTo(t.remaining()) < 0 ? slice : t.remaining());
          quickFinished[0] = e.proof == null;
        } catch (Cas.DeadlineExceeded ex) {
          // not cheap: the full sampling comes first, then the provers again with the time left
        }
        if (e.proof != null && sampleAfterProof) {
          // a derivation's step keeps its full sampling; a slow one that runs out of time leaves the proof standing
          NumericResult full = checks.equal(left, right, within);
          if (full.violated() || full.points() >= e.sampled.points()) {
            e.sampled = full;
          }
        }
      });
      strategies.add(sample);
    }
    strategies.add((e, t) -> e.proof = quickFinished[0] ? null : prove(special, domains, a, b, within, t.remaining()));
    strategies.add((e, t) -> SeriesBounds.apply(e, left, right, t)); // series no proof summed: partial sums with proved tail bounds
    strategies.add((e, t) -> e.precise = statements || e.byRule != null && e.sampled.points() > 0 ? null
        : checks.equalPrecisely(left, right, within, PRECISE_POINTS));
    Evidence evidence = Strategy.run(what, budget, strategies);
    return evidence.decide(settings.samples(), (statements ? "one holds where the other does not"
        : evidence.sampled.violated() ? "the two sides differ" : "the two sides differ (found by the high-precision re-check)")
        + RandomFunctions.note(domains, catalogue.heads().keySet(), a, b));
  }

  /**
   * The method that proves a - b = 0 under the domains, or null. Gamma family, parity of
   * (-1)^n, radicals, convergent series (special): the same moves plus laws whose side conditions
   * are proved, which replace the plain prover where such functions occur.
   */
  private String prove(boolean special, Domains domains, IExpr a, IExpr b, List<Obligation.Iteration> within,
      java.time.Duration time) {
    SymbolicProver prover = new SymbolicProver(catalogue, domains, time);
    return (special ? prover.withSpecialFunctions() : prover).proveZero(Trees.plus(a, Trees.negate(b)), within).orElse(null);
  }

  /**
   * Why a sum or product in the expressions has no meaning at some points of the domains (its
   * bound need not be an integer), or null. Symja's closed forms assume integer bounds: without
   * this, Sum(i, {i, 1, n}) = n(n+1)/2 would be "proved" for real n > 0, false at n = 5/2.
   */
  static String looseBound(Domains domains, IExpr... expressions) {
    for (IExpr e : expressions) {
      String found = looseBound(e, domains, Map.of());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String looseBound(IExpr e, Domains domains, Map<ISymbol, Interval> indices) {
    if (!(e instanceof IAST ast)) {
      return null;
    }
    Obligation.Iteration it = stepwise.rules.Places.iterationOf(e);
    Map<ISymbol, Interval> inner = indices;
    if (it != null && it.hi().equals(S.Infinity) && Trees.isHead(e, S.Sum)) {
      // a series: its lower bound must be an integer; convergence is the provers' and the sampler's question
      if (!integerValued(it.lo(), domains, indices.keySet())) {
        return "the lower bound " + ExprPrinter.print(it.lo()) + " of " + ExprPrinter.print(e)
            + " is not declared an integer (declare it an integer)";
      }
      inner = new LinkedHashMap<>(indices);
      Interval lo = new Bounds(domains, indices).of(it.lo());
      inner.put(it.index(), lo == null ? new Interval(null, true, null, true) : new Interval(lo.lo(), lo.loOpen(), null, true));
      for (IExpr arg : Trees.args(ast)) {
        String found = looseBound(arg, domains, inner);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (it != null) {
      for (IExpr bound : List.of(it.lo(), it.hi())) {
        if (!integerValued(bound, domains, indices.keySet())) {
          return "the bound " + ExprPrinter.print(bound) + " of " + ExprPrinter.print(e)
              + " is not declared an integer, and a sum up to a non-integer has no standard meaning (declare it an integer)";
        }
      }
      // closed forms (n(n+1)/2, 2^n) also assume hi >= lo - 1: Sum(1, {i, 1, n}) is 0, not n, at n = -1
      Bounds bounds = new Bounds(domains, indices);
      Interval count = bounds.of(Trees.plus(it.hi(), Trees.negate(it.lo()), F.C1));
      if (count == null || !count.nonNegative()) {
        return "the range " + ExprPrinter.print(it.lo()) + ".." + ExprPrinter.print(it.hi()) + " of " + ExprPrinter.print(e)
            + " may run backwards under the domains (declare its bound large enough, e.g. n >= 0)";
      }
      inner = new LinkedHashMap<>(indices);
      Interval lo = bounds.of(it.lo());
      Interval hi = bounds.of(it.hi());
      inner.put(it.index(), lo == null || hi == null ? new Interval(null, true, null, true)
          : new Interval(lo.lo(), lo.loOpen(), hi.hi(), hi.hiOpen()));
    }
    for (IExpr arg : Trees.args(ast)) {
      String found = looseBound(arg, domains, inner);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Built from integers and integer-valued symbols by +, - and *, so an integer wherever defined. */
  static boolean integerValued(IExpr e, Domains domains, Set<ISymbol> indices) {
    if (e.isInteger()) {
      return true;
    }
    if (e instanceof ISymbol s) {
      stepwise.model.Domain d = domains.of(s);
      return indices.contains(s)
          || d instanceof stepwise.model.Domain.Real r && r.integer()
          || d instanceof stepwise.model.Domain.Finite f && f.values().stream().allMatch(IExpr::isInteger);
    }
    if (Trees.isHead(e, S.Plus) || Trees.isHead(e, S.Times)) {
      return Trees.args(e).stream().allMatch(x -> integerValued(x, domains, indices));
    }
    if (Trees.isHead(e, S.Power)) {
      IAST p = (IAST) e;
      return integerValued(p.arg1(), domains, indices) && p.arg2().isInteger() && !p.arg2().isNegative();
    }
    return false;
  }

  private static boolean isStatement(IExpr e) {
    return Trees.isHead(e, S.Less) || Trees.isHead(e, S.LessEqual) || Trees.isHead(e, S.Greater)
        || Trees.isHead(e, S.GreaterEqual) || Trees.isHead(e, S.Equal) || Trees.isHead(e, S.Unequal)
        || Trees.isHead(e, S.And) || Trees.isHead(e, S.Or) || Trees.isHead(e, S.Not);
  }

  /** a OP b for an order relation. */
  public Finding order(String what, IExpr a, Relation.Op op, IExpr b, Domains domains, String byRule) {
    return guarded(() -> orderNow(what, a, op, b, domains, byRule), why -> unknown(what, why));
  }

  private Finding orderNow(String what, IExpr a, Relation.Op op, IExpr b, Domains domains, String byRule) {
    Budget budget = Budget.current();
    String huge = NumberSize.tooLarge(a, b);
    if (huge != null) {
      return unknown(what, huge); // before anything, Symja included, tries to compute it
    }
    IExpr left = Definitions.unfoldAll(a, catalogue, domains);
    IExpr right = Definitions.unfoldAll(b, catalogue, domains);
    IExpr head = switch (op) {
      case LE -> S.LessEqual;
      case LT -> S.Less;
      case GE -> S.GreaterEqual;
      case GT -> S.Greater;
      case EQ -> S.Equal;
    };
    Checks checks = checks(domains, budget);
    Evidence evidence = Strategy.run(what, budget, List.of(
        (e, t) -> e.sampled = checks.order(left, head, right, List.of()),
        (e, t) -> e.distrust = looseBound(domains, left, right),
        (e, t) -> e.proof = new SymbolicProver(catalogue, domains, t.remaining())
            .proveSign(Trees.plus(left, Trees.negate(right)), head).orElse(null),
        (e, t) -> e.byRule = byRule,
        // sampling misses single points (sin x < 1 fails at Pi/2): search for a minimum of the margin
        (e, t) -> e.precise = e.byRule != null ? null : checks.searchDeeper(e.sampled)));
    return evidence.decide(settings.samples(), "the inequality fails");
  }

  /**
   * f is convex / concave / increasing / decreasing in the variables. Proved from the sign of
   * f'' (or f') for one variable; sampled with pairs of points: for convexity, two points and
   * a weight w where the chord must lie on or above the graph; a counterexample is such a
   * pair where it lies below.
   */
  public Finding shape(String what, IExpr f, List<ISymbol> variables, String kind, Domains domains) {
    return guarded(() -> shapeNow(what, f, variables, kind, domains), why -> unknown(what, why));
  }

  private Finding shapeNow(String what, IExpr f, List<ISymbol> variables, String kind, Domains domains) {
    IExpr function;
    try {
      function = Definitions.unfoldAll(f, catalogue, domains);
    } catch (stepwise.model.Call.NotApplicable e) {
      return new Finding(what, Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
    }
    boolean curvature = kind.equals("convex") || kind.equals("concave");
    if (!curvature && variables.size() != 1) {
      return new Finding(what, Status.UNKNOWN, "", 0, 0, null, kind + " is checked in one variable", List.of());
    }
    Domains extended = domains;
    Map<ISymbol, ISymbol> first = new java.util.LinkedHashMap<>();
    Map<ISymbol, ISymbol> second = new java.util.LinkedHashMap<>();
    for (ISymbol v : variables) {
      ISymbol a = fresh(v.getSymbolName() + "1", extended);
      extended = extended.with(a, domains.of(v));
      ISymbol b = fresh(v.getSymbolName() + "2", extended);
      extended = extended.with(b, domains.of(v));
      first.put(v, a);
      second.put(v, b);
    }
    IExpr atFirst = replaceVariables(function, first, null, null);
    IExpr atSecond = replaceVariables(function, second, null, null);
    Budget budget = Budget.current();
    Strategy sample;
    String refutedBecause;
    if (curvature) {
      ISymbol w = fresh("w", extended);
      Checks checks = checks(extended.with(w, stepwise.model.Domain.UNIT_OPEN), budget);
      IExpr middle = replaceVariables(function, first, second, w);
      IExpr chord = Trees.plus(Trees.times(w, atFirst), Trees.times(Trees.plus(F.C1, Trees.negate(w)), atSecond));
      sample = (e, t) -> e.sampled = checks.order(middle, kind.equals("convex") ? S.LessEqual : S.GreaterEqual, chord,
          List.of());
      refutedBecause = "the chord lies " + (kind.equals("convex") ? "below" : "above")
          + " the graph (left: the function at the weighted point, right: the chord)";
    } else {
      // strictly: the slope between two distinct points has the sign (undefined, so skipped, if they coincide)
      ISymbol v = variables.get(0);
      IExpr slope = Trees.times(Trees.plus(atSecond, Trees.negate(atFirst)),
          Trees.power(Trees.plus(second.get(v), Trees.negate(first.get(v))), F.CN1));
      Checks checks = checks(extended, budget);
      sample = (e, t) -> e.sampled = checks.order(slope, kind.equals("increasing") ? S.Greater : S.Less, F.C0, List.of());
      refutedBecause = "it stays level or goes the other way between these two points";
    }
    Strategy derivativeSign = (e, t) -> {
      if (curvature && variables.size() >= 2 && variables.stream().allMatch(v -> domains.family(v) == null)) {
        e.proof = Hessians.semidefinite(catalogue, function, variables, kind.equals("convex"), domains, t);
        return;
      }
      if (variables.size() != 1 || domains.family(variables.get(0)) != null) {
        return; // one real variable only: the sign of f' or f''
      }
      ISymbol v = variables.get(0);
      IExpr derivative = curvature ? Trees.node(S.D, Trees.node(S.D, function, v), v) : Trees.node(S.D, function, v);
      IExpr sign = switch (kind) {
        case "convex" -> S.GreaterEqual;
        case "concave" -> S.LessEqual;
        case "increasing" -> S.Greater;
        default -> S.Less;
      };
      new SymbolicProver(catalogue, domains, t.remaining()).proveSign(derivative, sign).ifPresent(proof ->
          e.proof = "its " + (curvature ? "second derivative" : "derivative") + " in " + v.getSymbolName() + " is "
              + switch (kind) {
                case "convex" -> ">= 0";
                case "concave" -> "<= 0";
                case "increasing" -> "> 0";
                default -> "< 0";
              } + " (" + proof + ")");
    };
    return Strategy.run(what, budget, List.of(sample, derivativeSign)).decide(settings.samples(), refutedBecause);
  }

  /** Whether a and b are the same expression once named definitions (H, KL, ...) are unfolded. */
  public boolean sameByDefinition(IExpr a, IExpr b, Domains domains) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Definitions.unfoldAll(a, catalogue, domains).equals(Definitions.unfoldAll(b, catalogue, domains));
    } catch (stepwise.model.Call.NotApplicable e) {
      return false;
    }
  }

  private static ISymbol fresh(String name, Domains domains) {
    String candidate = name;
    int k = 1;
    while (domains.isDeclared(UserSymbols.named(candidate))) {
      candidate = name + "_" + (k++);
    }
    return UserSymbols.named(candidate);
  }

  /**
   * The function with each variable v replaced by first(v), or (with weight w) by
   * w*first(v) + (1 - w)*second(v); a family variable Q is replaced in each call Q(i).
   */
  private static IExpr replaceVariables(IExpr e, Map<ISymbol, ISymbol> first, Map<ISymbol, ISymbol> second, ISymbol w) {
    if (e instanceof ISymbol s && first.containsKey(s)) {
      return mix(first.get(s), second == null ? null : second.get(s), w);
    }
    if (!(e instanceof org.matheclipse.core.interfaces.IAST ast)) {
      return e;
    }
    if (ast.head() instanceof ISymbol head && first.containsKey(head)) {
      List<IExpr> args = Trees.args(ast).stream().map(a -> replaceVariables(a, first, second, w)).toList();
      IExpr a = Trees.node(first.get(head), args);
      return second == null ? a : Trees.plus(Trees.times(w, a),
          Trees.times(Trees.plus(F.C1, Trees.negate(w)), Trees.node(second.get(head), args)));
    }
    var rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(replaceVariables(arg, first, second, w));
    }
    return Trees.tidy(rebuilt);
  }

  private static IExpr mix(ISymbol a, ISymbol b, ISymbol w) {
    if (b == null) {
      return a;
    }
    return Trees.plus(Trees.times(w, a), Trees.times(Trees.plus(F.C1, Trees.negate(w)), b));
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
      return unknown(what, e.getMessage());
    }
    Budget budget = Budget.current();
    Checks checks = checks(domains, budget);
    return Strategy.run(what, budget, List.of(
        (e, t) -> e.sampled = checks.independent(difference, over),
        (e, t) -> e.proof = new SymbolicProver(catalogue, domains, t.remaining()).proveIndependent(difference, over)
            .orElse(null)))
        .decide(settings.samples(), "the dropped part depends on " + String.join(", ", u.over()));
  }


  private Finding mean(Obligation.IsMean m, Domains domains) {
    Map<org.matheclipse.core.interfaces.IExpr, IExpr> perSample = new java.util.LinkedHashMap<>();
    m.copies().forEach((v, family) -> perSample.put(v, Trees.node(family, m.index())));
    IExpr expected = Trees.times(Trees.power(m.count(), F.CN1), Trees.node(S.Sum,
        Trees.tidy(Trees.substitute(m.single(), perSample)), Trees.node(S.List, m.index(), F.C1, m.count())));
    Budget budget = Budget.current();
    Checks checks = checks(domains, budget);
    return Strategy.run(m.describe(), budget, List.of(
        (e, t) -> e.sampled = checks.mean(m),
        (e, t) -> e.proof = expected.equals(m.mean())
            ? "by construction: (1/" + m.count().getSymbolName() + ") times the sum over the samples" : null))
        .decide(settings.samples(), "the result is not the mean over the samples");
  }


  /** Two statements equivalent by a monotone transform: sampled, and proved by the transform's conditions. */
  private Finding sameTruth(Obligation.SameTruth t, Domains domains, boolean conditionsProved) {
    Budget budget = Budget.current();
    Checks checks = checks(domains, budget);
    return Strategy.run(t.describe(), budget, List.of(
        (e, b) -> e.sampled = checks.sameTruth(t.before(), t.after()),
        (e, b) -> e.proof = conditionsProved
            ? "a strictly monotone function keeps (or reverses) the order: its conditions are proved" : null))
        .decide(settings.samples(), "one statement holds where the other does not");
  }


  private Checks checks(Domains domains, Budget budget) {
    return new Checks(domains, settings.samples(), settings.seed(), budget);
  }

  /** A step left unknown as a whole (its time ran out, or it did nothing), with the reason as its one finding. */
  private static StepVerdict unknownStep(String why) {
    return new StepVerdict(Status.UNKNOWN, why, List.of(unknown("the step", why)), 0, 0, StepVerdict.ExpectMatch.NONE,
        List.of());
  }

  private static Finding unknown(String what, String reason) {
    return new Finding(what, Status.UNKNOWN, "", 0, 0, null, reason, List.of());
  }








}
