package stepwise.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.model.Domains;

/**
 * Makes a counterexample easy to check by hand: tries rounder values for each variable (0, 1,
 * halves, the value to 1-3 digits, round magnitudes far out) and rounder distributions, and
 * keeps a change only where the failure persists, as the caller's test decides.
 */
final class Shrinker {
  private static final int MAX_SHRINK_TRIES = 40;
  private final Domains domains;
  private final Sampler sampler;
  private final Predicate<Point> stillFails;

  Shrinker(Domains domains, Sampler sampler, Predicate<Point> stillFails) {
    this.domains = domains;
    this.sampler = sampler;
    this.stillFails = stillFails;
  }

  /** Tries rounder values for each variable, keeping those at which the failure persists. */
  Point shrink(Point p) {
    Point best = p;
    int tries = 0;
    int[] tried = {tries};
    for (int pass = 0; pass < 3 && tried[0] < MAX_SHRINK_TRIES; pass++) {
      Point before = best;
      best = shrinkScalars(best, tried);
      if (best.equals(before)) {
        break;
      }
    }
    tries = tried[0];
    for (ISymbol f : List.copyOf(best.families().keySet())) {
      stepwise.model.Domain.Family family = domains.family(f);
      boolean distribution = family != null && family.sumsToOne();
      if (distribution) {
        for (TreeMap<Integer, Point.Value> candidate : simplerDistributions(best.families().get(f))) {
          if (tries++ >= MAX_SHRINK_TRIES) {
            return best;
          }
          Point q = withFamily(best, f, candidate);
          if (stillFails.test(q)) {
            best = q;
            break;
          }
        }
        continue;
      }
      for (Integer k : List.copyOf(best.families().get(f).keySet())) {
        for (String v : new String[] {"0", "1", "2", "-1"}) {
          if (family != null && family.element() instanceof stepwise.model.Domain.Real r && !r.contains(Double.parseDouble(v))) {
            continue;
          }
          if (tries++ >= MAX_SHRINK_TRIES) {
            return best;
          }
          TreeMap<Integer, Point.Value> candidate = new TreeMap<>(best.families().get(f));
          candidate.put(k, Point.Value.real(new BigDecimal(v)));
          Point q = withFamily(best, f, candidate);
          if (stillFails.test(q)) {
            best = q;
            break;
          }
        }
      }
    }
    return best;
  }

  /** One pass over the scalars: each takes the first rounder value at which the failure persists. */
  private Point shrinkScalars(Point start, int[] tries) {
    Point best = start;
    for (ISymbol s : List.copyOf(best.scalars().keySet())) {
      if (sampler.isSolved(s) || sampler.isSize(s)) {
        continue;
      }
      for (Point.Value candidate : simpler(best.scalars().get(s))) {
        if (!rounder(candidate, best.scalars().get(s))) {
          continue; // -1 is not made simpler by -2, even if -2 fails too
        }
        if (tries[0]++ >= MAX_SHRINK_TRIES) {
          return best;
        }
        Map<ISymbol, Point.Value> scalars = new LinkedHashMap<>(best.scalars());
        scalars.put(s, candidate);
        Point q = sampler.complete(withoutSolved(scalars, sampler), best.families());
        if (q == null || !sampler.inDomains(Map.of(s, candidate))) {
          continue;
        }
        if (stillFails.test(q)) {
          best = q;
          break;
        }
      }
    }
    return best;
  }

  private static Map<ISymbol, Point.Value> withoutSolved(Map<ISymbol, Point.Value> scalars, Sampler sampler) {
    Map<ISymbol, Point.Value> out = new LinkedHashMap<>();
    scalars.forEach((k, v) -> {
      if (!sampler.isSolved(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Whether a is simpler to read than b: fewer digits, then closer to 0. */
  private static boolean rounder(Point.Value a, Point.Value b) {
    int[] ka = {digits(a.re()) + digits(a.im()), 0};
    int[] kb = {digits(b.re()) + digits(b.im()), 0};
    if (ka[0] != kb[0]) {
      return ka[0] < kb[0];
    }
    return a.re().abs().add(a.im().abs()).compareTo(b.re().abs().add(b.im().abs())) < 0;
  }

  private static int digits(BigDecimal d) {
    return d.signum() == 0 ? 0 : d.stripTrailingZeros().precision() + Math.max(0, d.stripTrailingZeros().scale());
  }

  /** Candidate simpler values: small integers and halves, then the value rounded to 1-3 digits. */
  private static List<Point.Value> simpler(Point.Value v) {
    List<Point.Value> out = new ArrayList<>();
    if (v.isReal()) {
      double x = v.re().doubleValue();
      for (String s : new String[] {"0", "1", "-1", "2", "-2", "0.5", "-0.5", "0.25", "0.75", "3", "10", "0.1", "0.9"}) {
        BigDecimal c = new BigDecimal(s);
        if (c.compareTo(v.re()) != 0 && Math.abs(c.doubleValue() - x) <= Math.max(1, Math.abs(x)) * 2) {
          out.add(v.like(c, BigDecimal.ZERO));
        }
      }
      // far out (n = 300000000): round magnitudes on the way down, smallest first
      for (BigDecimal p = BigDecimal.TEN; p.compareTo(v.re().abs()) < 0 && out.size() < 60; p = p.multiply(BigDecimal.TEN)) {
        for (int m : new int[] {1, 2, 5}) {
          BigDecimal c = p.multiply(BigDecimal.valueOf(m));
          if (c.compareTo(v.re().abs()) < 0) {
            out.add(v.like(v.re().signum() < 0 ? c.negate() : c, BigDecimal.ZERO));
          }
        }
      }
    } else {
      for (double[] c : new double[][] {{-1, 0}, {0, 1}, {0, -1}, {-1, 1}, {-1, -1}, {1, 1}, {-2, 0}}) {
        out.add(new Point.Value(BigDecimal.valueOf(c[0]), BigDecimal.valueOf(c[1])));
      }
    }
    for (int digits = 1; digits <= 3; digits++) {
      MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
      Point.Value r = v.like(v.re().round(mc), v.im().round(mc));
      if (!r.equals(v)) {
        out.add(r);
      }
    }
    return out;
  }

  private static Point withFamily(Point p, ISymbol f, TreeMap<Integer, Point.Value> members) {
    Map<ISymbol, TreeMap<Integer, Point.Value>> families = new LinkedHashMap<>(p.families());
    families.put(f, members);
    return new Point(p.scalars(), families);
  }

  /** Rounder distributions: uniform (when 1/m is a finite decimal), then rounded to 1 or 2 decimals. */
  private static List<TreeMap<Integer, Point.Value>> simplerDistributions(TreeMap<Integer, Point.Value> members) {
    List<TreeMap<Integer, Point.Value>> out = new ArrayList<>();
    try {
      BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(members.size()));
      TreeMap<Integer, Point.Value> uniform = new TreeMap<>();
      for (Integer k : members.keySet()) {
        uniform.put(k, Point.Value.real(share));
      }
      out.add(uniform);
    } catch (ArithmeticException e) {
      // 1/m has no finite decimal: no uniform candidate
    }
    for (int scale = 1; scale <= 2; scale++) {
      TreeMap<Integer, Point.Value> rounded = roundedFamily(members, true, scale);
      if (rounded != null) {
        out.add(rounded);
      }
    }
    return out;
  }

  private static TreeMap<Integer, Point.Value> roundedFamily(TreeMap<Integer, Point.Value> members, boolean sumsToOne,
      int scale) {
    TreeMap<Integer, Point.Value> out = new TreeMap<>();
    BigDecimal rest = BigDecimal.ONE;
    Integer last = members.lastKey();
    for (var e : members.entrySet()) {
      if (!e.getValue().isReal()) {
        return null;
      }
      BigDecimal r = e.getValue().re().setScale(scale, RoundingMode.HALF_EVEN);
      if (sumsToOne && e.getKey().equals(last)) {
        r = rest;
      }
      if (sumsToOne && (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) >= 0) && members.size() > 1) {
        return null;
      }
      rest = rest.subtract(r);
      out.put(e.getKey(), Point.Value.real(r));
    }
    return out;
  }
}
