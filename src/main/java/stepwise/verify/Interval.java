package stepwise.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A real interval with open or closed ends (null end = infinite), for sound sign reasoning.
 * +, - and * are exact; other operations round outward, so a proved sign is never wrong.
 */
record Interval(BigDecimal lo, boolean loOpen, BigDecimal hi, boolean hiOpen) {
  private static final MathContext DOWN = new MathContext(34, RoundingMode.FLOOR);
  private static final MathContext UP = new MathContext(34, RoundingMode.CEILING);
  static final Interval ALL = new Interval(null, true, null, true);
  static final Interval POSITIVE = new Interval(BigDecimal.ZERO, true, null, true);

  static Interval point(BigDecimal v) {
    return new Interval(v, false, v, false);
  }

  static Interval between(double lo, double hi) {
    return new Interval(new BigDecimal(Math.nextDown(lo)), false, new BigDecimal(Math.nextUp(hi)), false);
  }

  boolean positive() {
    return lo != null && (lo.signum() > 0 || (lo.signum() == 0 && loOpen));
  }

  boolean nonNegative() {
    return lo != null && lo.signum() >= 0;
  }

  boolean negative() {
    return hi != null && (hi.signum() < 0 || (hi.signum() == 0 && hiOpen));
  }

  boolean nonPositive() {
    return hi != null && hi.signum() <= 0;
  }

  boolean excludesZero() {
    return positive() || negative();
  }

  boolean isPoint() {
    return lo != null && hi != null && lo.compareTo(hi) == 0 && !loOpen && !hiOpen;
  }

  Interval negate() {
    return new Interval(hi == null ? null : hi.negate(), hiOpen, lo == null ? null : lo.negate(), loOpen);
  }

  Interval plus(Interval o) {
    BigDecimal l = lo == null || o.lo == null ? null : lo.add(o.lo).round(DOWN);
    BigDecimal h = hi == null || o.hi == null ? null : hi.add(o.hi).round(UP);
    return new Interval(l, loOpen || o.loOpen, h, hiOpen || o.hiOpen);
  }

  /** An end value with whether it is attained; value null with sign s means s*infinity. */
  private record End(BigDecimal value, int infinitySign, boolean open) {
  }

  Interval times(Interval o) {
    List<End> candidates = new ArrayList<>();
    for (End a : ends()) {
      for (End b : o.ends()) {
        candidates.add(product(a, b));
      }
    }
    End min = candidates.get(0);
    End max = candidates.get(0);
    for (End c : candidates) {
      if (compare(c, min) < 0 || (compare(c, min) == 0 && !c.open)) {
        min = c;
      }
      if (compare(c, max) > 0 || (compare(c, max) == 0 && !c.open)) {
        max = c;
      }
    }
    return new Interval(min.value == null ? null : min.value.round(DOWN), min.value == null || min.open,
        max.value == null ? null : max.value.round(UP), max.value == null || max.open);
  }

  private List<End> ends() {
    return List.of(new End(lo, -1, loOpen), new End(hi, 1, hiOpen));
  }

  private static End product(End a, End b) {
    if (a.value != null && b.value != null) {
      boolean attained = (!a.open && !b.open) || (a.value.signum() == 0 && !a.open) || (b.value.signum() == 0 && !b.open);
      return new End(a.value.multiply(b.value), 0, !attained);
    }
    // at least one infinite end: 0 times infinity is 0 (the other interval is bounded there)
    BigDecimal finite = a.value != null ? a.value : b.value;
    if (finite != null && finite.signum() == 0) {
      boolean open = a.value != null ? a.open : b.open;
      return new End(BigDecimal.ZERO, 0, open);
    }
    int sign = (a.value == null ? a.infinitySign : a.value.signum()) * (b.value == null ? b.infinitySign : b.value.signum());
    return new End(null, sign, true);
  }

  /** Order of extended reals: -infinity < every number < +infinity. */
  private static int compare(End a, End b) {
    if (a.value == null && b.value == null) {
      return Integer.compare(a.infinitySign, b.infinitySign);
    }
    if (a.value == null) {
      return a.infinitySign;
    }
    if (b.value == null) {
      return -b.infinitySign;
    }
    return a.value.compareTo(b.value);
  }

  /** 1/x, or null if x may be 0. */
  Interval inverse() {
    if (negative()) {
      Interval p = negate().inverse();
      return p == null ? null : p.negate();
    }
    if (!positive()) {
      return null;
    }
    BigDecimal l = hi == null ? BigDecimal.ZERO : BigDecimal.ONE.divide(hi, DOWN);
    boolean lOpen = hi == null || hiOpen;
    if (lo.signum() == 0) {
      return new Interval(l, lOpen, null, true);
    }
    return new Interval(l, lOpen, BigDecimal.ONE.divide(lo, UP), loOpen);
  }

  /** A monotone increasing function applied, rounding outward; infinite ends map to the limits. */
  Interval increasing(DoubleUnaryOperator f, double atNegInfinity, double atPosInfinity, BigDecimal exactAt,
      BigDecimal exactValue) {
    return new Interval(apply(f, lo, atNegInfinity, exactAt, exactValue, false), loOpen,
        apply(f, hi, atPosInfinity, exactAt, exactValue, true), hiOpen);
  }

  private static BigDecimal apply(DoubleUnaryOperator f, BigDecimal x, double atInfinity, BigDecimal exactAt,
      BigDecimal exactValue, boolean up) {
    if (x == null) {
      return Double.isInfinite(atInfinity) ? null : new BigDecimal(atInfinity);
    }
    if (exactAt != null && x.compareTo(exactAt) == 0) {
      return exactValue;
    }
    double v = f.applyAsDouble(x.doubleValue());
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    return new BigDecimal(up ? Math.nextUp(Math.nextUp(v)) : Math.nextDown(Math.nextDown(v)));
  }

  /** The smallest interval holding both. */
  Interval hull(Interval o) {
    BigDecimal l;
    boolean lOpen;
    if (lo == null || o.lo == null) {
      l = null;
      lOpen = true;
    } else {
      int c = lo.compareTo(o.lo);
      l = c <= 0 ? lo : o.lo;
      lOpen = c < 0 ? loOpen : c > 0 ? o.loOpen : loOpen && o.loOpen;
    }
    BigDecimal h;
    boolean hOpen;
    if (hi == null || o.hi == null) {
      h = null;
      hOpen = true;
    } else {
      int c = hi.compareTo(o.hi);
      h = c >= 0 ? hi : o.hi;
      hOpen = c > 0 ? hiOpen : c < 0 ? o.hiOpen : hiOpen && o.hiOpen;
    }
    return new Interval(l, lOpen, h, hOpen);
  }

  @Override
  public String toString() {
    return (loOpen ? "(" : "[") + (lo == null ? "-inf" : lo.toString()) + ", " + (hi == null ? "inf" : hi.toString())
        + (hiOpen ? ")" : "]");
  }
}
