package stepwise.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;

/** Where a symbol ranges. A symbol with no declared domain ranges over the complex numbers. */
public sealed interface Domain {
  Domain COMPLEX = new Complex();
  Domain REALS = new Real(Bound.NEG_INFINITY, Bound.POS_INFINITY, false);
  Domain POSITIVE = new Real(Bound.open(BigDecimal.ZERO), Bound.POS_INFINITY, false);
  Domain UNIT_OPEN = new Real(Bound.open(BigDecimal.ZERO), Bound.open(BigDecimal.ONE), false);
  Domain POSITIVE_INTEGERS = new Real(Bound.closed(BigDecimal.ONE), Bound.POS_INFINITY, true);

  /** Human-readable, e.g. (0, 1), {0, 1}, positive integers. */
  String describe();

  /** Real numbers between two bounds (integers only, if integer). */
  record Real(Bound lower, Bound upper, boolean integer) implements Domain {
    @Override
    public String describe() {
      if (integer) {
        String lo = lower.value == null ? "-inf" : show(lower.value);
        String hi = upper.value == null ? "inf" : show(upper.value);
        return "integers in [" + lo + ", " + hi + (upper.value == null ? ")" : "]");
      }
      return (lower.open ? "(" : "[") + (lower.value == null ? "-inf" : show(lower.value)) + ", "
          + (upper.value == null ? "inf" : show(upper.value)) + (upper.open ? ")" : "]");
    }

    /** A bound for messages: plain when short, else 12 significant digits (1E+300, not 301 digits). */
    private static String show(BigDecimal v) {
      String plain = v.toPlainString();
      return plain.length() <= 20 ? plain : v.round(new java.math.MathContext(12)).stripTrailingZeros().toString();
    }

    public boolean contains(double x) {
      return contains(new BigDecimal(x));
    }

    public boolean contains(BigDecimal x) {
      if (integer && x.stripTrailingZeros().scale() > 0) {
        return false;
      }
      return lower.admitsAbove(x) && upper.admitsBelow(x);
    }
  }

  /** A finite set of exact values, such as {0, 1}. */
  record Finite(List<IExpr> values) implements Domain {
    public Finite {
      values = List.copyOf(values);
    }

    @Override
    public String describe() {
      return values.stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** The complex numbers. */
  record Complex() implements Domain {
    @Override
    public String describe() {
      return "complex numbers";
    }
  }

  /**
   * A family x(index), index = lo..hi (bounds may name other symbols, such as n), whose members
   * lie in element; with sumsToOne it is a probability distribution. With a second axis it is
   * x(index, j), j = second.lo..second.hi (a matrix; with sumsToOne all its entries add up to 1).
   */
  record Family(ISymbol index, IExpr lo, IExpr hi, Domain element, boolean sumsToOne, Axis second) implements Domain {
    /** A family with one index. */
    public Family(ISymbol index, IExpr lo, IExpr hi, Domain element, boolean sumsToOne) {
      this(index, lo, hi, element, sumsToOne, null);
    }

    /** How many indices a member takes: 1, or 2 for a matrix such as a joint distribution p(i, j). */
    public int arity() {
      return second == null ? 1 : 2;
    }

    @Override
    public String describe() {
      String over = " over " + index.getSymbolName() + " = " + ExprPrinter.print(lo) + ".." + ExprPrinter.print(hi)
          + (second == null ? "" : ", " + second.index().getSymbolName() + " = " + ExprPrinter.print(second.lo()) + ".."
              + ExprPrinter.print(second.hi()));
      return sumsToOne ? (second == null ? "" : "joint ") + "probability distribution" + over
          : "family in " + element.describe() + over;
    }
  }

  /** The second index of a two-index family and its range. */
  record Axis(ISymbol index, IExpr lo, IExpr hi) {}

  /**
   * One end of a real interval; a null value is infinite. exact: the bound itself when value
   * (40 digits) only approximates it (3/7, Pi/2); null when value is exact. An inexact bound
   * admits no decimal within a hair of it (which side of 3/7 is 0.4285714285714286?), and
   * interval proofs widen it outwards.
   */
  record Bound(BigDecimal value, boolean open, IExpr exact) {
    public static final Bound NEG_INFINITY = new Bound(null, true);
    public static final Bound POS_INFINITY = new Bound(null, true);
    private static final java.math.MathContext DIGITS = new java.math.MathContext(40, java.math.RoundingMode.HALF_EVEN);
    private static final BigDecimal HAIR = new BigDecimal("1e-30");

    public Bound(BigDecimal value, boolean open) {
      this(value, open, null);
    }

    /** The bound given by a constant expression: exact when it is an integer or a finite decimal. */
    public static Bound of(IExpr constant, boolean open) {
      if (constant instanceof org.matheclipse.core.interfaces.IInteger i) {
        return new Bound(new BigDecimal(i.toBigNumerator()), open);
      }
      if (constant instanceof org.matheclipse.core.interfaces.IFraction f) {
        BigDecimal n = new BigDecimal(f.toBigNumerator());
        BigDecimal d = new BigDecimal(f.toBigDenominator());
        try {
          return new Bound(n.divide(d), open);
        } catch (ArithmeticException e) {
          return new Bound(n.divide(d, DIGITS), open, constant);
        }
      }
      BigDecimal v = stepwise.cas.Cas.decimal(constant, DIGITS.getPrecision());
      return v == null ? null : new Bound(v, open, constant);
    }

    /** The bound as an exact Symja number or constant. */
    public IExpr exactValue() {
      if (exact != null) {
        return exact;
      }
      BigDecimal s = value.stripTrailingZeros();
      return s.scale() <= 0 ? org.matheclipse.core.expression.F.ZZ(s.toBigIntegerExact())
          : org.matheclipse.core.expression.F.fraction(s.unscaledValue(), java.math.BigInteger.TEN.pow(s.scale()));
    }

    /** A decimal at or below the bound (the bound itself when exact). */
    public BigDecimal below() {
      return exact == null ? value : value.subtract(value.abs().max(BigDecimal.ONE).multiply(HAIR));
    }

    /** A decimal at or above the bound (the bound itself when exact). */
    public BigDecimal above() {
      return exact == null ? value : value.add(value.abs().max(BigDecimal.ONE).multiply(HAIR));
    }

    public static Bound open(BigDecimal value) {
      return new Bound(value, true);
    }

    public static Bound closed(BigDecimal value) {
      return new Bound(value, false);
    }

    boolean admitsAbove(BigDecimal x) {
      if (value == null) {
        return true;
      }
      if (exact != null) {
        return x.compareTo(above()) > 0;
      }
      int c = x.compareTo(value);
      return open ? c > 0 : c >= 0;
    }

    boolean admitsBelow(BigDecimal x) {
      if (value == null) {
        return true;
      }
      if (exact != null) {
        return x.compareTo(below()) < 0;
      }
      int c = x.compareTo(value);
      return open ? c < 0 : c <= 0;
    }
  }
}
