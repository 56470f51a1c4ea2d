package stepwise.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hipparchus.complex.Complex;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Numeric checks at sample points inside the domains. A failure seen in double precision is
 * re-checked at 50 digits before it counts, then simplified to rounder values a reader can
 * check by hand (each simpler point re-checked too).
 */
final class Checks {
  static final double TOLERANCE = Truth.TOLERANCE;
  /** The share of a check's time that sampling may take (the symbolic provers come after it). */
  private static final double SAMPLING_SHARE = 0.6;
  /** Points read in high precision when doubles have defined none (each costs a Symja evaluation). */
  private static final int MAX_PRECISE_TRIES = 20;
  private static final int SHOWN = 4;
  private final Domains domains;
  private final int wanted;
  private final long seed;
  /** The time of the whole check this sampling is part of. */
  /** How a sampling run cut short by its time share begins its problem (Evidence reads it). */
  static final String OUT_OF_TIME = "sampling used its share of the time limit";

  private final Budget budget;
  /** Sampling stops here, leaving the rest of the check's time to the provers after it. */
  private final long samplingEndsAt;
  private final Certifier certifier;
  /** The minimum search of the last order check, run only if asked (see searchDeeper). */
  private java.util.function.Supplier<NumericResult> deeper;

  Checks(Domains domains, int wanted, long seed) {
    this(domains, wanted, seed, Budget.of(Settings.DEFAULT.deadline()));
  }

  Checks(Domains domains, int wanted, long seed, Budget budget) {
    this.domains = domains;
    this.wanted = wanted;
    this.seed = seed;
    this.budget = budget;
    this.samplingEndsAt = budget.share(SAMPLING_SHARE).endsAtNanos();
    this.certifier = new Certifier(domains);
  }

  private static double size(Complex x, Complex y) {
    return Math.max(x.norm(), y.norm());
  }

  /**
   * How one point went: null values mean "undefined there"; error is |left - right| (or how
   * far an inequality fails), size the larger of |left| and |right|.
   */
  private record Outcome(boolean defined, boolean violated, double error, double size, String left, String right) {
    static final Outcome UNDEFINED = new Outcome(false, false, 0, 0, null, null);

    Outcome(boolean defined, boolean violated, double error, String left, String right) {
      this(defined, violated, error, 0, left, right);
    }

    /**
     * The error counted for a passing point: absolute while the values are at most 1 in size,
     * relative beyond (doubles round 1e18 to within 128, which says nothing about the step).
     */
    double scaledError() {
      return error / Math.max(1, size);
    }
  }

  /** The high-precision re-check of a failure seen in doubles. */
  private enum Recheck {
    /** The failure is real: a counterexample. */
    REAL,
    /** It was rounding: the point passes. */
    ROUNDING,
    /** Too close to call: neither a counterexample nor a pass. */
    UNSURE,
    /** The values there are beyond high-precision arithmetic: the point is skipped. */
    BEYOND;

    static Recheck ofDifference(Precise.Zero z) {
      return switch (z) {
        case NONZERO -> REAL;
        case ZERO -> ROUNDING;
        case UNSURE -> UNSURE;
        case BEYOND -> BEYOND;
      };
    }
  }

  private interface Probe {
    Outcome fast(Point p);

    /** Whether the failure seen in doubles at p holds in high precision. */
    Recheck confirmed(Point p);

    /** Both sides at p, at 50 digits, for the report. */
    List<String> describe(Point p);

    /** The points a counterexample at p consists of (a pair, when the claim compares two points). */
    default List<Point> witnesses(Point p) {
      return List.of(p);
    }

    /** The point judged in high precision where doubles gave nothing (10^400 * x overflows), or null if not offered. */
    default Outcome inHighPrecision(Point p) {
      return null;
    }
  }

  NumericResult equal(IExpr a, IExpr b, List<Obligation.Iteration> within) {
    return run(List.of(a, b), within, new Probe() {
      @Override
      public Outcome fast(Point p) {
        Numeric left = new Numeric(p);
        Numeric right = new Numeric(p);
        Complex x = finite(left.eval(a));
        Complex y = finite(right.eval(b));
        if (x == null || y == null) {
          return Outcome.UNDEFINED;
        }
        double error = x.subtract(y).norm();
        // a sum that cancels (binomial terms of 10^20 adding to 0) rounds like its largest term
        double scale = Math.max(left.largestAddend(), right.largestAddend());
        double size = Math.max(scale, size(x, y));
        return new Outcome(true, error > TOLERANCE * size, error, size, show(x), show(y));
      }

      @Override
      public Recheck confirmed(Point p) {
        return Recheck.ofDifference(Precise.difference(a, b, p));
      }

      @Override
      public Outcome inHighPrecision(Point p) {
        IExpr l = Precise.at(a, p);
        IExpr r = Precise.at(b, p);
        if (l == null || r == null || !l.isNumber() || !r.isNumber()) {
          return Outcome.UNDEFINED;
        }
        Precise.Zero z = Precise.difference(a, b, p);
        if (z == Precise.Zero.UNSURE || z == Precise.Zero.BEYOND) {
          return Outcome.UNDEFINED;
        }
        return new Outcome(true, z == Precise.Zero.NONZERO, 0, null, null);
      }

      @Override
      public List<String> describe(Point p) {
        return sidesAndDifference(a, b, p);
      }
    });
  }

  /**
   * Both sides at 50 digits, and their difference when the shown digits cannot tell them apart
   * (1 against 1 + e^-10000 differ by -1.135...E-4343).
   */
  private static List<String> sidesAndDifference(IExpr a, IExpr b, Point p) {
    String left = precise(a, p);
    String right = precise(b, p);
    if (!left.equals(right)) {
      return List.of("left = " + left, "right = " + right);
    }
    Precise.Test t = Precise.zeroTest(Trees.plus(a, Trees.negate(b)), p);
    String difference = t.verdict() == Precise.Zero.NONZERO ? t.value().isReal() ? decimal(t.value()) : complexText(t.value())
        : t.exact() ? "0" : t.verdict() == Precise.Zero.ZERO ? "0 to 240 digits" : "too close to tell";
    return List.of("left = " + left, "right = " + right, "left - right = " + difference);
  }

  /**
   * a = b at a few points computed at 50 and 70 digits: catches differences too small for
   * double precision (x^2 vs x^2 + 10^-30) before a numerical "equal" is reported. The first
   * point where the difference is not exactly 0 goes through the whole precision ladder (to 240
   * digits, and the exact difference deeper still): a difference hidden below 40 digits (Log(x)
   * against Log(x (1 + 10^-250))) is there at every point, and the deep readings cost more
   * than all the rest. Any difference seen is re-checked by the whole test before it counts.
   */
  NumericResult equalPrecisely(IExpr a, IExpr b, List<Obligation.Iteration> within, int points) {
    IExpr difference = Trees.plus(a, Trees.negate(b));
    return new Checks(domains, points, seed + 11, budget).run(List.of(a, b), within, new Probe() {
      /** The point fast() read last and its verdict: confirmed() asks for the same point next. */
      private Point read;
      private Precise.Zero verdict;
      /** Whether a point has had the whole ladder and seen zero there (not exactly). */
      private boolean deepRead;

      @Override
      public Outcome fast(Point p) {
        read = null;
        if (Precise.at(a, p) == null || Precise.at(b, p) == null) {
          return Outcome.UNDEFINED;
        }
        Precise.Test t = deepRead ? Precise.quickZeroTest(difference, p) : Precise.zeroTest(difference, p);
        deepRead |= t.verdict() == Precise.Zero.ZERO && !t.exact();
        Precise.Zero z = t.verdict();
        read = p;
        verdict = z;
        boolean told = z == Precise.Zero.ZERO || z == Precise.Zero.NONZERO;
        return new Outcome(told, z == Precise.Zero.NONZERO, 0, null, null);
      }

      @Override
      public Recheck confirmed(Point p) {
        // asked also for points with exact-only values, which fast() may have passed: the same
        // point is not read twice (a difference the quick test saw is the whole test's: the same first rung)
        return Recheck.ofDifference(p == read ? verdict : Precise.difference(a, b, p));
      }

      @Override
      public List<String> describe(Point p) {
        return sidesAndDifference(a, b, p);
      }
    });
  }

  /** a REL b for an order relation: Less, LessEqual, Greater, GreaterEqual. */
  NumericResult order(IExpr a, IExpr relation, IExpr b, List<Obligation.Iteration> within) {
    boolean strict = relation.equals(S.Less) || relation.equals(S.Greater);
    int sign = relation.equals(S.Less) || relation.equals(S.LessEqual) ? -1 : 1; // wanted sign of a - b
    Map<Point, Double> margins = new LinkedHashMap<>();
    java.util.function.ToDoubleFunction<Point> margin = p -> {
      Complex x = value(a, p);
      Complex y = value(b, p);
      if (x == null || y == null || !isReal(x) || !isReal(y)) {
        return Double.NaN;
      }
      return sign * (x.getReal() - y.getReal()) / Math.max(1, Math.max(Math.abs(x.getReal()), Math.abs(y.getReal())));
    };
    Probe probe = new Probe() {
      @Override
      public Outcome fast(Point p) {
        Complex x = value(a, p);
        Complex y = value(b, p);
        if (x == null || y == null || !isReal(x) || !isReal(y)) {
          return Outcome.UNDEFINED;
        }
        double d = sign * (x.getReal() - y.getReal());
        double scale = Math.max(Math.abs(x.getReal()), Math.abs(y.getReal()));
        margins.put(p, d / Math.max(1, scale));
        // a tie in doubles is re-read in high precision for non-strict relations too:
        // e^x >= 1 + x + 10^-30 fails at x = 0 by less than doubles can see
        boolean violated = d <= TOLERANCE * scale;
        return new Outcome(true, violated, Math.max(0, -d), size(x, y), show(x), show(y));
      }

      @Override
      public Recheck confirmed(Point p) {
        IExpr difference = Trees.plus(a, Trees.negate(b));
        Precise.Test t = Precise.zeroTest(difference, p);
        if (t.verdict() == Precise.Zero.ZERO) {
          // equal: only a strict inequality fails, and only if the sides are exactly equal there
          return !strict ? Recheck.ROUNDING : t.exact() ? Recheck.REAL : Recheck.UNSURE;
        }
        if (t.verdict() != Precise.Zero.NONZERO) {
          return Recheck.ofDifference(t.verdict());
        }
        if (!t.value().isReal()) {
          return Recheck.UNSURE;
        }
        return sign * Precise.sign(t.value()) < 0 ? Recheck.REAL : Recheck.ROUNDING;
      }

      @Override
      public List<String> describe(Point p) {
        return sidesAndDifference(a, b, p);
      }
    };
    NumericResult sampled = run(List.of(a, b), within, probe);
    deeper = null;
    if (sampled.violated() || sampled.problem() != null || !within.isEmpty()) {
      return sampled;
    }
    // sampling misses single points (sin x < 1 fails only at pi/2): follow the margin down,
    // when asked (after a symbolic proof failed: a proved statement needs no search)
    deeper = () -> {
      Point found = budget.around(
          () -> Minimizer.search(domains, List.of(a, b), seed, margins, margin, budget.remaining(), q -> {
            Outcome o = probe.fast(q); // at Pi/3 doubles see (x - Pi/3)^2 = 4e-32: the exact check decides
            return o.defined() && (o.violated() || q.hasExactOnlyValues()) && probe.confirmed(q) == Recheck.REAL
                && certifier.objection(q, List.of(a, b)) == null;
          }));
      return found == null ? sampled : new NumericResult(sampled.points() + 1, sampled.undefined(), sampled.maxError(),
          new Counterexample(show(found), probe.describe(found)), null, sampled.shown(), false);
    };
    return sampled;
  }

  /** The search for a counterexample that sampling missed, for the last order check; or the sampled result. */
  NumericResult searchDeeper(NumericResult sampled) {
    return deeper == null ? sampled : deeper.get();
  }

  /** A condition (x > 0, a != 0, Element(b, Reals), And/Or of them) at every point. */
  NumericResult condition(IExpr condition, List<Obligation.Iteration> within) {
    List<IExpr> parts = new ArrayList<>();
    Trees.walk(condition, (path, sub) -> {
      if (sub instanceof IAST ast && ast.argSize() <= 2 && !Trees.isHead(sub, S.And) && !Trees.isHead(sub, S.Or)) {
        parts.add(sub);
      }
    });
    return run(List.of(condition), within, new Probe() {
      @Override
      public Outcome fast(Point p) {
        Boolean ok = Truth.holdsNumerically(condition, p);
        if (ok == null) {
          return Outcome.UNDEFINED;
        }
        return new Outcome(true, !ok, 0, null, null);
      }

      @Override
      public Recheck confirmed(Point p) {
        Boolean holds = Truth.holdsPrecisely(condition, p);
        return holds == null ? Recheck.UNSURE : holds ? Recheck.ROUNDING : Recheck.REAL;
      }

      @Override
      public List<String> describe(Point p) {
        List<String> out = new ArrayList<>();
        for (IExpr side : sides(condition)) {
          out.add(stepwise.expr.ExprPrinter.print(side) + " = " + precise(side, p));
        }
        return out;
      }
    });
  }

  /** Two statements hold at exactly the same points. */
  NumericResult sameTruth(IExpr before, IExpr after) {
    return run(List.of(before, after), List.of(), new Probe() {
      @Override
      public Outcome fast(Point p) {
        Boolean a = Truth.holdsNumerically(before, p);
        Boolean b = Truth.holdsNumerically(after, p);
        if (a == null || b == null) {
          return Outcome.UNDEFINED;
        }
        // a comparison tied in doubles is decided in high precision (x >= 10^-30 against x >= 0 at 0)
        boolean tied = Truth.tied(before, p) || Truth.tied(after, p);
        return new Outcome(true, !a.equals(b) || tied, 0, String.valueOf(a), String.valueOf(b));
      }

      @Override
      public Recheck confirmed(Point p) {
        Boolean a = Truth.holdsPrecisely(before, p);
        Boolean b = Truth.holdsPrecisely(after, p);
        return a == null || b == null ? Recheck.UNSURE : a.equals(b) ? Recheck.ROUNDING : Recheck.REAL;
      }

      @Override
      public List<String> describe(Point p) {
        return List.of("before: " + Truth.holdsPrecisely(before, p), "after: " + Truth.holdsPrecisely(after, p));
      }
    });
  }

  /** d takes the same value whatever the variables in over are (the others held fixed). */
  NumericResult independent(IExpr d, Set<ISymbol> over) {
    Sampler main;
    Sampler fresh;
    try {
      main = new Sampler(domains, List.of(d), List.of(), seed, over);
      fresh = new Sampler(domains, List.of(d), List.of(), seed + 7, over);
    } catch (Sampler.Unsampleable e) {
      return new NumericResult(0, 0, 0, null, e.getMessage(), List.of(), false);
    }
    return run(main, List.of(d), new Probe() {
      private final Map<Point, Point> partners = new LinkedHashMap<>();

      /** The same point with the variables in over drawn again; constrained partners follow. */
      private Point partner(Point p) {
        return partners.computeIfAbsent(p, q -> {
          for (int attempt = 0; attempt < 20; attempt++) {
            Point other = fresh.next();
            Map<ISymbol, Point.Value> scalars = new LinkedHashMap<>();
            q.scalars().forEach((k, v) -> {
              if (!main.isSolved(k)) {
                scalars.put(k, over.contains(k) && other.scalars().containsKey(k) ? other.scalars().get(k) : v);
              }
            });
            Map<ISymbol, TreeMap<Integer, Point.Value>> families = new LinkedHashMap<>(q.families());
            for (ISymbol v : over) {
              if (other.families().containsKey(v) && q.families().containsKey(v)
                  && other.families().get(v).keySet().equals(q.families().get(v).keySet())) {
                families.put(v, other.families().get(v));
              }
            }
            Point completed = main.complete(scalars, families);
            if (completed != null) {
              return completed;
            }
          }
          return q;
        });
      }

      @Override
      public Outcome fast(Point p) {
        Complex x = value(d, p);
        Complex y = value(d, partner(p));
        if (x == null || y == null) {
          return Outcome.UNDEFINED;
        }
        double error = x.subtract(y).norm();
        return new Outcome(true, differs(error, x, y), error, size(x, y), show(x), show(y));
      }

      @Override
      public List<Point> witnesses(Point p) {
        return List.of(p, partner(p));
      }

      @Override
      public Recheck confirmed(Point p) {
        Point q = partner(p);
        return differs(digits -> difference(Precise.at(d, p, digits), Precise.at(d, q, digits), digits));
      }

      @Override
      public List<String> describe(Point p) {
        Point q = partner(p);
        Map<String, String> changed = show(q);
        StringBuilder other = new StringBuilder();
        for (ISymbol v : over) {
          String name = v.getSymbolName();
          if (changed.containsKey(name)) {
            other.append(other.length() == 0 ? "" : ", ").append(name).append(" = ").append(changed.get(name));
          }
        }
        return List.of("difference = " + precise(d, p), "with " + other + " instead: difference = " + precise(d, q));
      }
    });
  }

  /** The IsMean obligation: mean equals the average of single over the samples. */
  NumericResult mean(Obligation.IsMean m) {
    return run(List.of(m.mean()), List.of(), new Probe() {
      private Complex averageFast(Point p) {
        Point.Value count = p.scalars().get(m.count());
        if (count == null) {
          return null;
        }
        int n = count.re().intValueExact();
        Complex total = Complex.ZERO;
        for (int k = 1; k <= n; k++) {
          Complex v = value(m.single(), sampleK(p, k));
          if (v == null) {
            return null;
          }
          total = total.add(v);
        }
        return total.divide(n);
      }

      private Point sampleK(Point p, int k) {
        Map<ISymbol, Point.Value> scalars = new LinkedHashMap<>(p.scalars());
        m.copies().forEach((v, family) -> {
          TreeMap<Integer, Point.Value> members = p.families().get(family);
          if (members != null && members.containsKey(k)) {
            scalars.put(v, members.get(k));
          }
        });
        return new Point(scalars, p.families());
      }

      @Override
      public Outcome fast(Point p) {
        Complex x = value(m.mean(), p);
        Complex y = averageFast(p);
        if (x == null || y == null) {
          return Outcome.UNDEFINED;
        }
        double error = x.subtract(y).norm();
        return new Outcome(true, differs(error, x, y), error, size(x, y), show(x), show(y));
      }

      @Override
      public Recheck confirmed(Point p) {
        return differs(digits -> difference(averageAt(p, digits), Precise.at(m.mean(), p, digits), digits));
      }

      private IExpr averageAt(Point p, int digits) {
        int n = p.scalars().get(m.count()).re().intValueExact();
        List<IExpr> terms = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
          IExpr v = Precise.at(m.single(), sampleK(p, k), digits);
          if (v == null) {
            return null;
          }
          terms.add(v);
        }
        return Precise.at(Trees.times(Trees.plus(terms), Trees.power(org.matheclipse.core.expression.F.ZZ(n),
            org.matheclipse.core.expression.F.CN1)), new Point(Map.of(), Map.of()), digits);
      }

      @Override
      public List<String> describe(Point p) {
        return List.of("result = " + precise(m.mean(), p));
      }
    });
  }

  private NumericResult run(Collection<IExpr> expressions, List<Obligation.Iteration> within, Probe probe) {
    Sampler sampler;
    try {
      sampler = new Sampler(domains, expressions, within, seed);
    } catch (Sampler.Unsampleable e) {
      return new NumericResult(0, 0, 0, null, e.getMessage(), List.of(), false);
    }
    return run(sampler, expressions, probe);
  }

  private NumericResult run(Sampler sampler, Collection<IExpr> expressions, Probe probe) {
    // certifying a point and describing it read the same sides at the same precisions
    return Precise.remembering(() -> runRemembering(sampler, expressions, probe));
  }

  private NumericResult runRemembering(Sampler sampler, Collection<IExpr> expressions, Probe probe) {
    int points = 0;
    int undefined = 0;
    int unconfirmed = 0;
    double maxError = 0;
    List<SpotCheck> shown = new ArrayList<>();
    String problem = null;
    int rounds = sampler.isEmpty() ? 1 : wanted;
    int stopped = 0;
    int undecided = 0;
    int preciseTries = 0;
    String objection = null;
    for (int i = 0; i < rounds * 3 && points < rounds; i++) {
      if (System.nanoTime() > samplingEndsAt) {
        stopped++; // neither a pass nor a counterexample, and no more points
        break;
      }
      Point p;
      try {
        p = sampler.next();
      } catch (Sampler.Unsampleable e) {
        problem = e.getMessage();
        break;
      }
      Outcome o;
      try {
        o = probe.fast(p);
      } catch (Numeric.NotNumeric e) {
        return new NumericResult(points, undefined, maxError, null, "cannot evaluate numerically: " + e.getMessage(), shown,
            false);
      }
      if (!o.defined() && points == 0 && preciseTries < MAX_PRECISE_TRIES) {
        // nothing defined in doubles yet: maybe beyond them (10^400 * x), so read the point in high precision
        preciseTries++;
        Outcome precise = budget.around(() -> probe.inHighPrecision(p));
        o = precise != null ? precise : o;
      }
      if (!o.defined()) {
        undefined++;
        continue;
      }
      // at Pi/2 doubles give cos = 6e-17, not 0: such points are always judged in high precision
      if (o.violated() || p.hasExactOnlyValues()) {
        Recheck really = budget.around(() -> probe.confirmed(p));
        if (really == Recheck.BEYOND) {
          undefined++;
          continue;
        }
        if (really == Recheck.REAL && o.violated()) {
          // the cheap road: round the point in doubles, then re-check and certify only the round point
          Point round = budget.around(() -> roundedInDoubles(sampler, p, probe, expressions));
          List<String> values = round == null ? null : budget.around(() -> readableOrNull(probe.describe(round)));
          if (values != null) {
            return new NumericResult(points + 1, undefined, Math.max(maxError, o.error()),
                new Counterexample(show(round), values), null, shown, sampler.isEmpty());
          }
        }
        if (really == Recheck.REAL) {
          Certifier.Objection why = budget.around(() -> objection(probe, p, expressions));
          if (why != null) {
            // not a counterexample after all; only an undecided point keeps the claim from being confirmed
            switch (why.kind()) {
              case UNDEFINED -> undefined++;
              case OUTSIDE -> { }
              case UNDECIDED -> {
                undecided++;
                objection = why.reason();
              }
            }
            continue;
          }
          Point simple = budget.around(() -> shrink(sampler, p, probe, expressions));
          List<String> values = readableOrNull(probe.describe(simple));
          if (values == null && !simple.equals(p)) {
            values = readableOrNull(probe.describe(p));
            simple = p;
          }
          if (values == null) {
            undecided++; // a counterexample is shown with its values, or not at all
            objection = "its values could not be computed for the report";
            continue;
          }
          return new NumericResult(points + 1, undefined, Math.max(maxError, o.error()),
              new Counterexample(show(simple), values), null, shown, sampler.isEmpty());
        }
        if (really == Recheck.UNSURE) {
          unconfirmed++;
        }
        // a rounding artefact: the point passes at 50 digits
      }
      points++;
      if (Double.isFinite(o.error())) {
        maxError = Math.max(maxError, o.violated() ? 0 : o.scaledError());
      }
      if (shown.size() < SHOWN && o.left() != null) {
        shown.add(new SpotCheck(show(p), o.left(), o.right(), o.error()));
      }
    }
    if (problem == null && points == 0 && undefined > 0) {
      problem = "undefined at every sample point";
    }
    if (problem == null && stopped > 0) {
      problem = OUT_OF_TIME + " (" + Budget.seconds(budget.total()) + " s) after " + points
          + " of " + rounds + " points";
    }
    if (problem == null && undecided > 0) {
      problem = undecided + " apparent counterexample(s) could be neither confirmed nor dismissed (" + objection + ")";
    }
    if (problem == null && unconfirmed > 0) {
      problem = unconfirmed + " point(s) looked like failures in double precision but could not be re-checked at "
          + Precise.DIGITS + " digits";
    }
    return new NumericResult(points, undefined, maxError, null, problem, shown, sampler.isEmpty());
  }

  /** The description when it has every value, else null (each description costs high-precision readings). */
  private static List<String> readableOrNull(List<String> values) {
    return readable(values) ? values : null;
  }

  /** Whether a counterexample's description has every value (a reading cut off by the deadline has none). */
  private static boolean readable(List<String> values) {
    return values.stream().noneMatch(v -> v.contains("undefined") || v.contains("too close to tell") || v.endsWith(": null"));
  }

  /** Why the points of a counterexample at p are not one (an assumption fails, a side is undefined), or null. */
  private Certifier.Objection objection(Probe probe, Point p, Collection<IExpr> expressions) {
    for (Point w : probe.witnesses(p)) {
      Certifier.Objection why = certifier.objection(w, expressions);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  /** A rounder point where the failure found at p persists (each candidate re-checked and certified). */
  private Point shrink(Sampler sampler, Point p, Probe probe, Collection<IExpr> expressions) {
    if (budget.expired()) {
      return p; // past the time limit the point found is reported as it is
    }
    return new Shrinker(domains, sampler, q -> !budget.expired() && stillFails(q, probe)
        && objection(probe, q, expressions) == null).shrink(p);
  }

  /**
   * The rounder point that shrinking in doubles alone reaches from p, if it is a counterexample
   * by every test (re-checked in high precision and certified), else null: then p goes the long
   * way (re-checked, certified, shrunk with every candidate re-checked), as it did before.
   * Most failures are real, and this certifies one point instead of each step on the way.
   */
  private Point roundedInDoubles(Sampler sampler, Point p, Probe probe, Collection<IExpr> expressions) {
    if (budget.expired()) {
      return null;
    }
    Point round = new Shrinker(domains, sampler, q -> !budget.expired() && failsInDoubles(q, probe)).shrink(p);
    return stillFails(round, probe) && objection(probe, round, expressions) == null ? round : null;
  }

  private static boolean failsInDoubles(Point q, Probe probe) {
    try {
      Outcome o = probe.fast(q);
      return o.defined() && o.violated();
    } catch (Numeric.NotNumeric e) {
      return false;
    }
  }

  private static boolean stillFails(Point q, Probe probe) {
    try {
      Outcome o = probe.fast(q);
      return o.defined() && o.violated() && probe.confirmed(q) == Recheck.REAL;
    } catch (Numeric.NotNumeric e) {
      return false;
    }
  }

  /** Whether two doubles differ beyond rounding: relative to their size (never to 1). */
  private static boolean differs(double error, Complex x, Complex y) {
    return error > TOLERANCE * Math.max(x.norm(), y.norm());
  }

  /** x - y read at the given precision, or null if either is missing. */
  private static Precise.Reading difference(IExpr x, IExpr y, int digits) {
    if (x == null || y == null) {
      return null;
    }
    return Precise.reading(Trees.plus(x, Trees.negate(y)), new Point(Map.of(), Map.of()), digits);
  }

  /** REAL if the quantity is surely not zero, ROUNDING if it is zero. */
  private static Recheck differs(java.util.function.IntFunction<Precise.Reading> atDigits) {
    return Recheck.ofDifference(Precise.zeroTest(atDigits).verdict());
  }

  private static Complex value(IExpr e, Point p) {
    return finite(new Numeric(p).eval(e));
  }

  private static Complex finite(Complex c) {
    return c.isNaN() || c.isInfinite() ? null : c;
  }

  private static boolean isReal(Complex c) {
    return Math.abs(c.getImaginary()) <= TOLERANCE * Math.max(1, Math.abs(c.getReal()));
  }

  private static String show(Complex c) {
    if (isReal(c)) {
      return String.format("%.6g", c.getReal());
    }
    return String.format("%.6g %s %.6g*I", c.getReal(), c.getImaginary() < 0 ? "-" : "+", Math.abs(c.getImaginary()));
  }

  private static String precise(IExpr e, Point p) {
    IExpr rational = Precise.rationalAt(e, p); // exact where decimals of 1/3 would flip a comparison
    IExpr v = rational != null ? Cas.numeric(rational, Precise.DIGITS) : Precise.at(e, p);
    if (v == null) {
      return "undefined";
    }
    if (v.isReal()) {
      return decimal(v);
    }
    return complexText(v);
  }

  private static String complexText(IExpr v) {
    IExpr re = stepwise.cas.Cas.evaluate(Trees.node(S.Re, v));
    IExpr im = stepwise.cas.Cas.evaluate(Trees.node(S.Im, v));
    String imText = decimal(im) + "*I";
    if (Math.abs(re.evalf()) < 1e-40 * Math.max(1, Math.abs(im.evalf()))) {
      return imText;
    }
    return decimal(re) + (imText.startsWith("-") ? " - " + imText.substring(1) : " + " + imText);
  }

  /** A real Symja number with 12 significant digits. */
  private static String decimal(IExpr real) {
    BigDecimal d = Cas.decimal(real, 12);
    if (d == null) {
      return String.format("%.12g", real.evalf());
    }
    BigDecimal r = d.stripTrailingZeros();
    return r.abs().compareTo(new BigDecimal("1e-6")) < 0 && r.signum() != 0 || r.abs().compareTo(new BigDecimal("1e12")) > 0
        ? r.toString() : r.toPlainString();
  }

  /** The variables of a point as name -> value; families as (v1, v2, ...). */
  static Map<String, String> show(Point p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.scalars().forEach((s, v) -> out.put(s.getSymbolName(), v.show()));
    p.families().forEach((f, members) -> {
      StringBuilder b = new StringBuilder("(");
      members.forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(v.show()));
      out.put(f.getSymbolName(), b.append(")").toString());
    });
    return out;
  }

  private static List<IExpr> sides(IExpr condition) {
    List<IExpr> out = new ArrayList<>();
    Trees.walk(condition, (path, sub) -> {
      if (sub instanceof IAST ast && ast.argSize() == 2 && !Trees.isHead(sub, S.And) && !Trees.isHead(sub, S.Or)
          && !Trees.isHead(sub, S.Element)) {
        if (!ast.arg1().isNumber()) {
          out.add(ast.arg1());
        }
      }
      if (Trees.isHead(sub, S.Element)) {
        out.add(((IAST) sub).arg1());
      }
    });
    return out;
  }
}
