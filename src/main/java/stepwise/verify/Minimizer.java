package stepwise.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;

/**
 * Looks for a counterexample that random points miss: from the sample points where an
 * inequality held by the least margin, a pattern search follows the margin down, then the
 * point reached is tried as it is and with its coordinates recognised as simple fractions or
 * fractions of pi. sin x < 1 fails only at pi/2 + 2k pi, (x - 7/19)^2 > 0 only at 7/19,
 * (x^2 - 2)^2 >= 10^-8 on an interval 10^-4 wide: none is hit by chance.
 */
final class Minimizer {
  private static final int STARTS = 3;
  private static final int MAX_MOVES = 600;
  private static final int MAX_VARIABLES = 6;
  private static final MathContext DIGITS = new MathContext(17);

  private Minimizer() {}

  /**
   * A point where fails holds, or null. margin: how far the statement holds at a point
   * (negative where it fails, NaN where undefined); margins: the sample points and theirs.
   */
  static Point search(Domains domains, Collection<IExpr> expressions, long seed, Map<Point, Double> margins,
      ToDoubleFunction<Point> margin, java.time.Duration budget, Predicate<Point> fails) {
    long ends = System.nanoTime() + budget.toNanos();
    if (margins.isEmpty()) {
      return null;
    }
    Sampler sampler;
    try {
      sampler = new Sampler(domains, expressions, List.of(), seed);
    } catch (Sampler.Unsampleable e) {
      return null;
    }
    List<ISymbol> variables = new ArrayList<>();
    for (ISymbol s : margins.keySet().iterator().next().scalars().keySet()) {
      if (!sampler.isSolved(s) && !sampler.isSize(s) && domains.of(s) instanceof Domain.Real r && !r.integer()) {
        variables.add(s);
      }
    }
    if (variables.isEmpty() || variables.size() > MAX_VARIABLES) {
      return null;
    }
    List<Point> starts = margins.entrySet().stream().filter(e -> !e.getValue().isNaN())
        .sorted(Comparator.comparingDouble(Map.Entry::getValue)).limit(STARTS).map(Map.Entry::getKey).toList();
    for (Point start : starts) {
      if (System.nanoTime() > ends) {
        return null;
      }
      double[] x = descend(start, variables, sampler, margin, ends);
      for (Map<ISymbol, Point.Value> candidate : candidates(x, variables)) {
        Point q = place(start, candidate, sampler);
        if (q != null && fails.test(q)) {
          return q;
        }
      }
    }
    return null;
  }

  /** Pattern search: move one coordinate at a time while the margin drops, halving steps. */
  private static double[] descend(Point start, List<ISymbol> variables, Sampler sampler, ToDoubleFunction<Point> margin,
      long ends) {
    int n = variables.size();
    double[] x = new double[n];
    double[] step = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = start.scalars().get(variables.get(i)).re().doubleValue();
      step[i] = Math.max(1e-2, Math.abs(x[i]) * 0.1);
    }
    double best = value(start, variables, x, sampler, margin);
    for (int move = 0; move < MAX_MOVES && best >= 0 && System.nanoTime() < ends; move++) {
      boolean moved = false;
      for (int i = 0; i < n && !moved; i++) {
        for (int dir : new int[] {1, -1}) {
          double[] y = x.clone();
          y[i] += dir * step[i];
          double f = value(start, variables, y, sampler, margin);
          if (f < best) {
            x = y;
            best = f;
            step[i] *= 2;
            moved = true;
            break;
          }
        }
      }
      if (!moved) {
        boolean tiny = true;
        for (int i = 0; i < n; i++) {
          step[i] /= 2;
          tiny &= step[i] < 1e-14 * Math.max(1, Math.abs(x[i]));
        }
        if (tiny) {
          break;
        }
      }
    }
    return x;
  }

  private static double value(Point start, List<ISymbol> variables, double[] x, Sampler sampler,
      ToDoubleFunction<Point> margin) {
    Map<ISymbol, Point.Value> values = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        return Double.POSITIVE_INFINITY;
      }
      values.put(variables.get(i), Point.Value.real(new BigDecimal(x[i]).round(DIGITS)));
    }
    Point p = place(start, values, sampler);
    double m = p == null ? Double.NaN : margin.applyAsDouble(p);
    return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
  }

  /** The start point with some variables changed, completed (constraints) and checked (domains); or null. */
  private static Point place(Point start, Map<ISymbol, Point.Value> values, Sampler sampler) {
    Map<ISymbol, Point.Value> scalars = new LinkedHashMap<>();
    start.scalars().forEach((k, v) -> {
      if (!sampler.isSolved(k)) {
        scalars.put(k, values.getOrDefault(k, v));
      }
    });
    return sampler.inDomains(scalars) ? sampler.complete(scalars, start.families()) : null;
  }

  /** Reads a coordinate as an exact number of one kind (a fraction, a fraction of pi, a square root...), or null. */
  private interface Recognizer {
    IExpr read(double x, double tolerance);
  }

  private static final List<Recognizer> RECOGNIZERS = List.of(
      (x, t) -> rational(x, 10_000, t),
      (x, t) -> scaled(rational(x / Math.PI, 24, t), S.Pi),
      (x, t) -> x > 0 ? power(rational(x * x, 1000, t), F.C1D2) : negate(power(rational(x * x, 1000, t), F.C1D2)),
      (x, t) -> x > 0 ? power(rational(x * x * x, 1000, t), F.C1D3) : negate(power(rational(-x * x * x, 1000, t), F.C1D3)),
      (x, t) -> scaled(rational(x / Math.E, 100, t), S.E),
      (x, t) -> scaled(rational(x * Math.E, 100, t), F.Power(S.E, F.CN1)),
      (x, t) -> {
        IExpr q = rational(Math.exp(x), 1000, t);
        return q == null || !q.isPositive() ? null : Trees.node(S.Log, q);
      });

  /**
   * The point reached, then its coordinates read exactly by each recognizer in turn (all the same
   * kind), then each coordinate by the first recognizer that reads it: near a double root the
   * search stops about 10^-8 away, so a looser reading is tried too. Every candidate is checked.
   */
  private static List<Map<ISymbol, Point.Value>> candidates(double[] x, List<ISymbol> variables) {
    List<Map<ISymbol, Point.Value>> out = new ArrayList<>();
    Map<ISymbol, Point.Value> plain = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      plain.put(variables.get(i), Point.Value.real(new BigDecimal(x[i]).round(DIGITS)));
    }
    out.add(plain);
    for (double tolerance : new double[] {1e-9, 1e-6}) {
      Map<ISymbol, Point.Value> firstReading = new LinkedHashMap<>(plain);
      for (Recognizer r : RECOGNIZERS) {
        Map<ISymbol, Point.Value> candidate = new LinkedHashMap<>(plain);
        boolean any = false;
        for (int i = 0; i < x.length; i++) {
          IExpr exact = r.read(x[i], tolerance);
          if (exact != null) {
            Point.Value v = Point.Value.of(exact);
            if (v == null) {
              continue;
            }
            candidate.put(variables.get(i), v);
            firstReading.putIfAbsent(variables.get(i), v);
            if (firstReading.get(variables.get(i)).equals(plain.get(variables.get(i)))) {
              firstReading.put(variables.get(i), v);
            }
            any = true;
          }
        }
        if (any && !out.contains(candidate)) {
          out.add(candidate);
        }
      }
      if (!out.contains(firstReading)) {
        out.add(firstReading);
      }
    }
    return out;
  }

  private static IExpr rational(double x, long maxDenominator, double tolerance) {
    BigInteger[] f = fraction(x, maxDenominator, tolerance);
    return f == null ? null : F.fraction(f[0], f[1]);
  }

  private static IExpr scaled(IExpr q, IExpr factor) {
    return q == null || q.isZero() ? null : Trees.times(q, factor);
  }

  private static IExpr power(IExpr q, IExpr exponent) {
    return q == null || !q.isPositive() ? null : Trees.power(q, exponent);
  }

  private static IExpr negate(IExpr e) {
    return e == null ? null : Trees.negate(e);
  }

  /** The first continued-fraction convergent p/q (q <= maxDenominator) within tolerance of x, or null. */
  private static BigInteger[] fraction(double x, long maxDenominator, double tolerance) {
    if (!Double.isFinite(x) || Math.abs(x) > 1e9) {
      return null;
    }
    long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
    double r = x;
    for (int k = 0; k < 40; k++) {
      long a = (long) Math.floor(r);
      long p2 = a * p1 + p0;
      long q2 = a * q1 + q0;
      if (q2 > maxDenominator) {
        return null;
      }
      if (Math.abs(x - (double) p2 / q2) <= tolerance * Math.max(1, Math.abs(x))) {
        return new BigInteger[] {BigInteger.valueOf(p2), BigInteger.valueOf(q2)};
      }
      p0 = p1;
      q0 = q1;
      p1 = p2;
      q1 = q2;
      double frac = r - a;
      if (frac == 0) {
        return null;
      }
      r = 1 / frac;
    }
    return null;
  }
}
