package stepwise.derive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Trees;
import stepwise.model.Call;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Relation;
import stepwise.model.Rewrite;
import stepwise.model.Source;
import stepwise.model.Text;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;
import stepwise.verify.Verifier;

/**
 * Best-first search over rule applications, from one expression to a goal. A node is an
 * expression reached by a chain of steps; its score is the chain's cost (one per step, a little
 * more for steps a teacher names less often) plus the distance of its expression to the goal
 * ({@link Distance}). Candidates come from {@link Moves}; a candidate is verified, with the
 * ordinary verifier, only when it is taken from the queue (side conditions under the domains
 * in force, the step's relation), so the many candidates never looked at cost nothing. The
 * goal is reached when the expression is identical to it (or, for a result the rule computes,
 * such as a derivative, proved equal to it) and the chain's relation gives what was asked.
 * Everything is in stable orders (catalogue, then places; ties broken by the order of
 * discovery), so the same input gives the same chain.
 */
public final class Search {
  private static final int MAX_DEPTH = 24;
  /** Roughly how much of the distance one step removes; scales the distance into steps. */
  private static final double DISTANCE_PER_STEP = 3.0;
  /** Weight of the distance against the chain's length: above 1 is greedier, below 1 shorter chains. */
  private static final double GREED = 1.6;
  /** Sample points per check inside the search: conditions need a proof anyway, the points only refuse. */
  private static final int SEARCH_SAMPLES = 60;
  /** -Dstepwise.derive.trace=true prints each state as it is checked (to tune the search). */
  /**
   * In the first pass the tidy step (by: algebra to the goal) costs one more step per unit of
   * the distance it jumps, up to this many: a chain of named rules then wins where one exists
   * within reach (kl-divergence: 6 named rules instead of one tidy step).
   */
  private static final int TIDY_CAP = 8;
  /** Cost of a monotone transform step (negate, log, neg-log): see cost(). */
  private static final double TRANSFORM_COST = 2.0;
  private static final boolean TRACE = Boolean.getBoolean("stepwise.derive.trace");

  /** Default work limit: states taken from the queue (each one verified), whatever the machine's speed. */
  public static final int DEFAULT_WORK = 1500;

  private final Catalogue catalogue;
  private final Settings settings;
  private final int workLimit;
  /** Checks that ran out of their first time limit and were run again with the rest of the budget. */
  private int retried;
  /** Verdicts of side conditions already checked in this search (lookups only). */
  private final Map<String, Boolean> conditionsSeen = new HashMap<>();

  public Search(Catalogue catalogue, Settings settings) {
    this(catalogue, settings, DEFAULT_WORK);
  }

  /**
   * workLimit: how many states the search may verify before it gives up; it decides the result,
   * so a slower machine gives the same one. The wall-clock budget of run() is only an outer
   * bound (a search stopped by it says so).
   */
  public Search(Catalogue catalogue, Settings settings, int workLimit) {
    this.catalogue = catalogue;
    this.settings = settings;
    this.workLimit = workLimit;
  }

  /** A check cut by the wall-clock budget: the search stops there rather than go on without it. */
  private static final class OutOfTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfTime() {
      super(null, null, false, false);
    }
  }

  /** One found step: the rule, its parameters as written, and what it did. */
  public record Step(String rule, Map<String, Object> params, IExpr before, IExpr after, Relation relation,
      Call call, boolean computed) {}

  /**
   * found: whether the goal was reached; steps: the chain to the goal, or the best partial
   * chain (the one that came closest); message: a sentence for the user.
   */
  public record Result(boolean found, List<Step> steps, IExpr reached, int distance, int expanded, int verified,
      double seconds, String message, int retried) {}

  private static final class Node {
    final IExpr expr;
    final Domains domains;
    final Node parent;
    final Moves.Candidate candidate;
    final Call call;
    final Rewrite rewrite;
    final Relation relation;
    final double cost;
    final int distance;
    final int depth;
    final long order;
    /**
     * The first node of the run of verified equalities that led here (itself after any other
     * step): every node of the run has the same value, so "x > 0" shown for one holds for all.
     */
    final Node valueRoot;
    boolean endsByValue;

    Node(IExpr expr, Domains domains, Node parent, Moves.Candidate candidate, Call call, Rewrite rewrite,
        Relation relation, double cost, int distance, long order) {
      this.expr = expr;
      this.domains = domains;
      this.parent = parent;
      this.candidate = candidate;
      this.call = call;
      this.rewrite = rewrite;
      this.relation = relation;
      this.cost = cost;
      this.distance = distance;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.order = order;
      // not across a substitution (given: n = 2): the value changes there
      this.valueRoot = parent != null && rewrite != null && Relation.EQUAL.equals(rewrite.relation())
          && rewrite.given().isEmpty() ? parent.valueRoot : this;
    }

    double score() {
      return cost + GREED * distance / DISTANCE_PER_STEP;
    }
  }

  /**
   * Two passes, each deterministic: first one that prefers named rules (the tidy step weighs
   * its distance twice, up to TIDY_CAP more) with half the work limit; if that finds nothing
   * (and the clock did not stop it), one where the tidy step costs 3 + distance with the whole
   * work limit, so goals that need the tidy step after a long unnamed stretch are still found.
   */
  public Result run(IExpr start, Domains domains, IExpr goal, String relation, List<String> variables,
      ExprReader reader, Source source, Duration budget) {
    long began = System.nanoTime();
    long deadline = began + budget.toNanos();
    retried = 0;
    tidyCap = TIDY_CAP;
    passLimit = workLimit / 2;
    Result named = pass(start, domains, goal, relation, variables, reader, source, budget, began, deadline);
    if (named.found() || System.nanoTime() > deadline || named.message().contains("wall-clock")) {
      return named;
    }
    tidyCap = 0;
    passLimit = workLimit;
    return pass(start, domains, goal, relation, variables, reader, source, budget, began, deadline);
  }

  /** Extra cost of the tidy step per unit of distance, up to this: TIDY_CAP in the first pass, 0 in the second. */
  private int tidyCap;
  /** The work limit of the current pass. */
  private int passLimit;

  private Result pass(IExpr start, Domains domains, IExpr goal, String relation, List<String> variables,
      ExprReader reader, Source source, Duration budget, long began, long deadline) {
    Wanted wanted = new Wanted(relation, variables);
    Distance distance = new Distance(goal);
    Distance unfolded = unfoldedGoal(goal, domains, reader, source).map(Distance::new).orElse(null);
    Moves moves = new Moves(catalogue, goal, wanted, domains, reader, source);
    PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> {
      int c = Double.compare(a.score(), b.score());
      if (c != 0) {
        return c;
      }
      c = Double.compare(a.cost, b.cost);
      return c != 0 ? c : Long.compare(a.order, b.order);
    });
    Map<IExpr, Double> bestCost = new HashMap<>(); // lookups only: nothing iterates it
    Context ctx = new Context(goal, wanted, distance, unfolded, moves, reader, source, bestCost,
        3 * Math.max(Trees.size(start), Trees.size(goal)) + 30);
    order = 0;
    Node root = new Node(start, domains, null, null, null, null, Relation.EQUAL, 0,
        closeness(distance, unfolded, moves, start, domains), order++);
    open.add(root);
    bestCost.put(start, 0.0);
    Node best = root;
    List<Node> closest = List.of(root);
    int expanded = 0;
    int verified = 0;
    int refused = 0;
    boolean outOfTime = false;
    boolean outOfWork = false;
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        outOfTime = true;
        break;
      }
      if (verified + refused >= passLimit) {
        outOfWork = true;
        break;
      }
      Node node = open.poll();
      if (node.expr == null) { // a lazy candidate: work it out now, and queue what it gives
        verified++; // work: a Symja computation, counted so the work limit bounds it
        long workBegan = System.nanoTime();
        try {
          Node next = offer(node.parent, node.candidate, ctx, deadline);
          if (TRACE && next == null) {
            System.err.println("derive: worked out, leads nowhere: " + node.candidate.describe() + " from "
                + stepwise.expr.ExprPrinter.print(node.parent.expr) + " (" + (System.nanoTime() - workBegan) / 1_000_000 + " ms)");
          }
          if (next != null) {
            open.add(next);
          }
        } catch (OutOfTime e) {
          outOfTime = true;
          break;
        }
        continue;
      }
      if (node.parent != null) {
        boolean holds;
        long checkBegan = System.nanoTime();
        try {
          holds = holds(node, source, deadline);
        } catch (OutOfTime e) {
          outOfTime = true;
          break;
        }
        if (TRACE) {
          System.err.printf(java.util.Locale.ROOT, "derive: %s %s -> %s (checked in %d ms)%n", holds ? "took" : "refused",
              node.candidate.describe(), stepwise.expr.ExprPrinter.print(node.expr), (System.nanoTime() - checkBegan) / 1_000_000);
        }
        if (!holds) {
          refused++;
          continue;
        }
        verified++;
      }
      if (node.distance < best.distance || node.distance == best.distance && node.cost < best.cost) {
        best = node;
      }
      closest = keepClosest(closest, node);
      if ((node.expr.equals(goal) || node.endsByValue) && wanted.satisfiedBy(node.relation)) {
        return result(true, node, goal, expanded, verified, began, "found " + chain(node).size() + " step"
            + (chain(node).size() == 1 ? "" : "s"));
      }
      if (node.depth >= MAX_DEPTH) {
        continue;
      }
      expanded++;
      for (Moves.Candidate candidate : moves.from(node.expr, node.domains)) {
        if (candidate.rule().kind().equals("transform") && node.valueRoot.candidate != null
            && node.valueRoot.candidate.rule().kind().equals("transform")) {
          // a transform of a value a transform gave (with only equalities between) is one composite transform, which
          // the catalogue names (neg-log); log of a negated or logged likelihood cost gaussian-mse 30 s of sign checks
          continue;
        }
        if (LAZY_KINDS.contains(candidate.rule().kind()) && !moves.isTidy(candidate)) {
          // computed by Symja (a derivative, expand, ...): worked out only if the queue reaches it
          // a stationary point with the goal's value gives the goal itself: as close as can be
          // a derivative in an entry z(k) that only the goal names: half the distance (its result is unknown
          // until worked out, and the state's distance says little about it)
          int estimate = candidate.rule().kind().equals("stationary") ? 0
              : moves.differentiatesTowardGoal(candidate, node.expr) ? node.distance / 2 : node.distance;
          if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "derive: queued %s (score %.2f) from %s%n", candidate.describe(),
                node.cost + cost(node, candidate) + GREED * estimate / DISTANCE_PER_STEP, stepwise.expr.ExprPrinter.print(node.expr));
          }
          open.add(new Node(null, node.domains, node, candidate, null, null, node.relation,
              node.cost + cost(node, candidate), estimate, order++));
          continue;
        }
        try {
          Node next = offer(node, candidate, ctx, deadline);
          if (next != null) {
            open.add(next);
          }
        } catch (OutOfTime e) {
          outOfTime = true;
          break;
        }
      }
      if (outOfTime) {
        break;
      }
    }
    if (outOfWork && tidyCap == 0) {
      try {
        Node finished = finish(closest, ctx, source, deadline);
        if (finished != null) {
          return result(true, finished, goal, expanded, verified + 1, began, "found " + chain(finished).size() + " step"
              + (chain(finished).size() == 1 ? "" : "s") + " (at the work limit, the last a tidy step from one of the closest states)");
        }
      } catch (OutOfTime e) {
        outOfTime = true;
      }
    }
    String why = outOfTime ? "not found within the wall-clock bound of " + seconds(budget.toNanos()) + " s (a search"
        + " stopped by the clock, not by its work limit, may end elsewhere on a faster machine)"
        : outOfWork ? "not found within the work limit of " + passLimit + " verified states (after a first pass of "
            + workLimit / 2 + " preferring named rules)"
        : "not found: no chain of catalogue rules (within " + MAX_DEPTH + " steps) reaches the goal"
            + (refused == 0 ? "" : " (" + refused + " candidate step" + (refused == 1 ? " was" : "s were")
                + " refused by the verifier: a side condition not proved, or a check that ran out of time)");
    return result(false, best, goal, expanded, verified, began, why);
  }

  /** How many of the closest verified states the last pass tries the tidy step from when its work runs out. */
  private static final int FINISH_FROM = 3;

  /** The FINISH_FROM closest states so far, nearest first (then cheaper, then older: deterministic). */
  private static List<Node> keepClosest(List<Node> closest, Node node) {
    List<Node> out = new ArrayList<>(closest);
    out.add(node);
    out.sort(java.util.Comparator.<Node>comparingInt(n -> n.distance).thenComparingDouble(n -> n.cost)
        .thenComparingLong(n -> n.order));
    return List.copyOf(out.subList(0, Math.min(FINISH_FROM, out.size())));
  }

  /**
   * When the last pass runs out of work, the queue may still hold the tidy step from a state
   * near the goal, behind many cheaper states (bernoulli-kl gets one regrouping away from its
   * goal and then spends its work elsewhere). Tries it from the few closest states, verified
   * like any step; null when none holds.
   */
  private Node finish(List<Node> closest, Context ctx, Source source, long deadline) {
    for (Node node : closest) {
      if (node.parent == null || node.depth >= MAX_DEPTH) {
        continue; // from the start, one tidy step is no derivation
      }
      for (Moves.Candidate candidate : ctx.moves().from(node.expr, node.domains)) {
        if (!ctx.moves().isTidy(candidate)) {
          continue;
        }
        ctx.bestCost().remove(ctx.goal()); // a queued tidy step to the goal was never taken
        Node next = offer(node, candidate, ctx, deadline);
        if (next != null && next.expr.equals(ctx.goal()) && ctx.wanted().satisfiedBy(next.relation)
            && holds(next, source, deadline)) {
          return next;
        }
      }
    }
    return null;
  }

  /** Kinds whose candidates are worked out (by Symja) only when the queue reaches them. */
  private static final java.util.Set<String> LAZY_KINDS = java.util.Set.of("algebra", "derivative", "stationary");

  /** Order of discovery: breaks ties, so the same input gives the same chain. */
  private long order;

  private record Context(IExpr goal, Wanted wanted, Distance distance, Distance unfolded, Moves moves, ExprReader reader,
      Source source, Map<IExpr, Double> bestCost, int maxNodes) {}

  /** The state a candidate step leads to from node, or null when it does not apply or leads nowhere new. */
  private Node offer(Node node, Moves.Candidate candidate, Context ctx, long deadline) {
    IExpr goal = ctx.goal();
    Call call;
    Rewrite rewrite;
    boolean tidy = false;
    try {
      call = candidate.rule().prepare(Moves.textParams(candidate, ctx.source()), ctx.reader());
      if (call instanceof Call.Targeted targeted) { // the tidy step: straight to the goal, if the two are equal
        call = targeted.toward(goal);
        tidy = true;
      }
      rewrite = call.apply(node.expr, node.domains);
    } catch (Call.NotApplicable | InputError | ArithmeticException e) {
      return null;
    } catch (RuntimeException e) { // a rule that cannot handle this shape: not a way forward
      return null;
    }
    IExpr after = rewrite.after();
    if (after.equals(node.expr) || Trees.size(after) > ctx.maxNodes() || !ctx.wanted().allowsStep(rewrite.relation())) {
      return null;
    }
    Relation composed;
    try {
      composed = Relation.compose(node.relation, rewrite.relation());
    } catch (Relation.IncompatibleRelations e) {
      return null;
    }
    double cost = node.cost + (tidy ? tidyCost(ctx.distance().to(node.expr)) : cost(node, candidate));
    Double known = ctx.bestCost().get(after);
    if (known != null && known <= cost) {
      return null;
    }
    Domains domains = node.domains.merge(rewrite.introduced());
    int close = closeness(ctx.distance(), ctx.unfolded(), ctx.moves(), after, domains);
    if (candidate.rule().name().startsWith("swap-") && close >= node.distance) {
      // a reordering that does not bring the goal's order nearer: 61 % of the states of bernoulli-kl were such permutations
      return null;
    }
    ctx.bestCost().put(after, cost);
    if (rewrite.computed() != null && !rewrite.relation().equals(Relation.EQUAL)
        && Moves.userSymbols(after).containsAll(Moves.userSymbols(goal))) {
      // a derivative: its form is Symja's, so ask whether it equals the goal now
      boolean equal = checked(limit -> Verdict.of(new Verifier(catalogue, checkSettings(limit)).equal(
          "the result equals the goal", after, goal, node.domains, List.of(), null)), deadline);
      if (TRACE) {
        System.err.printf(java.util.Locale.ROOT, "derive: %s %s -> %s%n", equal ? "equals the goal" : "not shown equal to the goal",
            candidate.describe(), stepwise.expr.ExprPrinter.print(after));
      }
      if (equal) {
        Node done = new Node(after, domains, node, candidate, call, rewrite, composed, cost, 0, order++);
        done.endsByValue = true;
        return done;
      }
    }
    return new Node(after, domains, node, candidate, call, rewrite, composed, cost, close, order++);
  }

  /** The distance to the goal, or one substitution's worth more than the closest substituted form. */
  private static int closeness(Distance distance, Distance unfolded, Moves moves, IExpr expr, Domains domains) {
    int best = distance.to(expr);
    if (unfolded != null) { // a goal such as KL(P, Q) is reached through its definition: measure against that too
      best = Math.min(best, unfolded.to(expr) + 1);
    }
    for (IExpr substituted : moves.lookahead(expr, domains)) {
      best = Math.min(best, distance.to(substituted) + 2);
    }
    return best;
  }

  /** The goal with its defined names written out (KL(P, Q) as its sum), when it has any. */
  private java.util.Optional<IExpr> unfoldedGoal(IExpr goal, Domains domains, ExprReader reader, Source source) {
    return catalogue.firstOfKind("unfold").flatMap(rule -> {
      try {
        return java.util.Optional.of(rule.prepare(TextParams.none(source), reader).apply(goal, domains).after());
      } catch (RuntimeException e) { // nothing to unfold
        return java.util.Optional.empty();
      }
    });
  }

  /** Sample points of a side condition's check in the search: it needs a proof, the points can only refuse it. */
  private static final int CONDITION_SAMPLES = 12;

  private Settings conditionSettings(long limitNanos) {
    return new Settings(Math.min(settings.samples(), CONDITION_SAMPLES), Duration.ofNanos(limitNanos), settings.seed());
  }

  /** The settings of one check: the search's sample count, and the given time limit. */
  private Settings checkSettings(long limitNanos) {
    return new Settings(Math.min(settings.samples(), SEARCH_SAMPLES), Duration.ofNanos(limitNanos), settings.seed());
  }

  /**
   * Whether a check holds, with a time limit that cannot change the answer: a check that ends
   * unknown at its first limit (--timeout, as in check) is run again with all the time left
   * before the wall-clock bound, and if that runs out too the search stops (OutOfTime) instead
   * of treating the state as refused. So a loaded machine gives the same answers, only later.
   */
  private boolean checked(java.util.function.LongFunction<Verdict> check, long deadline) {
    long first = Math.min(settings.deadline().toNanos(), Math.max(0, deadline - System.nanoTime()));
    long began = System.nanoTime();
    Verdict verdict = check.apply(Math.max(first, 1_000_000L));
    if (!verdict.timed(System.nanoTime() - began, first)) {
      return verdict.status().holds(); // decided, or unknown for a reason other than time
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new OutOfTime();
    }
    retried++;
    began = System.nanoTime();
    verdict = check.apply(left);
    if (verdict.timed(System.nanoTime() - began, left)) {
      throw new OutOfTime();
    }
    return verdict.status().holds();
  }

  /** A check's status and the words that explain an unknown (they name a time limit when one was met). */
  private record Verdict(Status status, String why) {
    static Verdict of(StepVerdict v) {
      StringBuilder why = new StringBuilder(v.summary() == null ? "" : v.summary());
      v.findings().forEach(f -> why.append(' ').append(f.reason()));
      return new Verdict(v.status(), why.toString());
    }

    static Verdict of(Finding f) {
      return new Verdict(f.status(), String.valueOf(f.reason()));
    }

    /** Unknown because time ran out: the words say so, or the check used most of its limit. */
    boolean timed(long tookNanos, long limitNanos) {
      return !status.holds() && status != Status.REFUTED && (why.contains("time limit") || tookNanos >= limitNanos * 8 / 10);
    }
  }

  /**
   * The step from the node's parent, checked by the ordinary verifier. For an equation of a
   * vetted rule whose equation is the rule's own (a catalogue rewrite tested on its own, a
   * definition, a substitution) only its side conditions are checked here, which is what
   * decides whether it may be used; every other step is checked whole (a drop's independence,
   * a transform's monotonicity, Jensen, an equality the tidy step or Symja claims). The written
   * file is checked again whole, so this only decides what the search may build on.
   */
  private boolean holds(Node node, Source source, long deadline) {
    Rewrite rewrite = node.rewrite;
    boolean byRule = rewrite.obligations().stream().allMatch(o -> o instanceof stepwise.model.Obligation.Condition
        || o instanceof stepwise.model.Obligation.Relates r && r.byRule());
    boolean onlyConditions = !rewrite.obligations().isEmpty()
        && rewrite.obligations().stream().allMatch(o -> o instanceof stepwise.model.Obligation.Condition);
    List<stepwise.model.Obligation> conditions = rewrite.obligations().stream()
        .filter(o -> o instanceof stepwise.model.Obligation.Condition).toList();
    if (onlyConditions || byRule && catalogue.vetted(node.candidate.rule().name()) && rewrite.relation().equals(Relation.EQUAL)) {
      // a transform of a quantity (log, neg-log) has only conditions: log and neg-log of one expression share "x > 0"
      return conditionsHold(node, conditions, source, deadline);
    }
    if (!conditionsHold(node, conditions, source, deadline)) {
      return false; // a condition not proved refuses the step whatever the rest: Jensen's convexity, known from before
    }
    Derivation.Step spec = new Derivation.Step(node.depth, node.candidate.rule().name(), node.call, false, null, null,
        null, Text.NONE, source);
    RewrittenStep step = new RewrittenStep(spec, node.parent.expr, rewrite, null, node.parent.domains, true);
    return checked(limit -> Verdict.of(new Verifier(catalogue, checkSettings(limit)).verify(step)), deadline);
  }

  /** Each condition of the step, checked once per search (they recur from state to state). */
  private boolean conditionsHold(Node node, List<stepwise.model.Obligation> conditions, Source source, long deadline) {
    Rewrite rewrite = node.rewrite;
    for (stepwise.model.Obligation o : conditions) {
      stepwise.model.Obligation.Condition c = (stepwise.model.Obligation.Condition) o;
      // the condition on the whole expression (a transform's x > 0) is one on its value: shared by equal forms
      IExpr onValue = Trees.substitute(c.condition(), Map.of(node.parent.expr,
          stepwise.expr.UserSymbols.named("⟨value of state " + node.parent.valueRoot.order + "⟩")));
      String key = onValue + " within " + c.within() + " under " + node.parent.domains.declared() + " and "
          + c.extra().declared();
      Boolean known = conditionsSeen.get(key);
      if (known == null) {
        Rewrite only = new Rewrite(rewrite.before(), rewrite.after(), rewrite.relation(), List.of(o), rewrite.introduced(),
            rewrite.detail(), rewrite.given(), rewrite.computed());
        RewrittenStep step = new RewrittenStep(new Derivation.Step(node.depth, node.candidate.rule().name(), node.call,
            false, null, null, null, Text.NONE, source), node.parent.expr, only, null, node.parent.domains, true);
        // a condition must be proved (sampling only refuses it), so few points do here: the written file gets them all
        known = checked(limit -> Verdict.of(new Verifier(catalogue, conditionSettings(limit)).verify(step)), deadline);
        conditionsSeen.put(key, known);
      }
      if (!known) {
        return false;
      }
    }
    return true;
  }

  /**
   * The tidy step (by: algebra to the goal) costs three steps plus the distance, plus (first
   * pass) up to tidyCap more: named rules (which a teacher would cite) win whenever they get there.
   */
  private double tidyCost(int distance) {
    return 3.0 + distance + Math.min(distance, tidyCap); // a last resort
  }

  /** One per step; less usual moves a little more, so that a teacher's chain wins a tie. */
  private static double cost(Node from, Moves.Candidate c) {
    double cost = switch (c.rule().kind()) {
      case "substitute", "drop-terms", "derivative", "cases", "stationary", "average" -> 1.5;
      // a transform (negate, log) changes the relation to "monotone", and its check (the sign of
      // the argument) is among the costliest: taken when nearer moves are spent
      case "transform" -> TRANSFORM_COST;
      case "algebra" -> 1.3; // arithmetic, expand, together: computed, less readable than a named rule
      default -> 1.0;
    };
    if (c.rule().name().startsWith("swap-")) {
      cost += 0.3;
    }
    if (c.params().containsKey("at")) {
      cost += 0.1;
    }
    if (c.rule().kind().equals("derivative") && from.candidate != null && from.candidate.rule().name().equals("negate")) {
      cost += 0.5; // D(-f) = -D(f): the two orders reach the same, and the derivative first reads better
    }
    return cost;
  }

  private static List<Node> chain(Node node) {
    List<Node> out = new ArrayList<>();
    for (Node n = node; n.parent != null; n = n.parent) {
      out.add(n);
    }
    Collections.reverse(out);
    return out;
  }

  private Result result(boolean found, Node end, IExpr goal, int expanded, int verified, long began, String message) {
    List<Step> steps = new ArrayList<>();
    for (Node n : chain(end)) {
      steps.add(new Step(n.candidate.rule().name(), new LinkedHashMap<>(n.candidate.params()), n.parent.expr, n.expr,
          n.rewrite.relation(), n.call, n.rewrite.computed() != null));
    }
    return new Result(found, steps, end.expr, end.distance, expanded, verified,
        (System.nanoTime() - began) / 1e9, message, retried);
  }

  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
