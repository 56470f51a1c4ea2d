package stepwise.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hipparchus.complex.Complex;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;

/**
 * A sample point: exact (decimal) values for scalars and for the members of families. Doubles
 * are used for fast checks; the exact values for the 50-digit re-check of a counterexample.
 */
record Point(Map<ISymbol, Value> scalars, Map<ISymbol, TreeMap<Integer, Value>> families) {
  Point {
    scalars = new LinkedHashMap<>(scalars);
    families = new LinkedHashMap<>(families);
  }

  /** Indices of a two-index family stay within +-RADIX/2: its members are keyed by i*RADIX + j. */
  private static final int RADIX = 1 << 16;

  /**
   * The key of a family member in the families map: the index itself for one index, i*2^16 + j
   * for two (order-preserving: members list row by row); null when an index lies beyond
   * +-2^15, where no sampled family has members (sizes stay small), so the member is absent.
   */
  static Integer memberKey(int... indices) {
    if (indices.length == 1) {
      return indices[0];
    }
    if (indices.length != 2 || Math.abs(indices[0]) >= RADIX / 2 || Math.abs(indices[1]) >= RADIX / 2) {
      return null;
    }
    return indices[0] * RADIX + indices[1];
  }

  /** The (i, j) of a two-index member's key: the inverse of memberKey(i, j). */
  private static int[] memberIndices(int key) {
    int i = Math.floorDiv(key + RADIX / 2, RADIX);
    return new int[] {i, key - i * RADIX};
  }

  /** The members of a two-index family, keyed by memberKey(i, j); a one-index member call on it has no value. */
  static final class Grid extends TreeMap<Integer, Value> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A condition on the members of a family with the family's own indices free (y(i) <= K or
   * p(i, j) <= c among a file's constraints) holds for every member: its instances at this
   * point, one per member. Any other condition is its own single instance.
   */
  List<IExpr> instances(IExpr condition, Domains domains) {
    Map<List<ISymbol>, Set<Integer>> membersByIndices = new HashMap<>();
    Trees.walk(condition, (path, sub) -> {
      if (sub instanceof IAST call && call.head() instanceof ISymbol name && families.containsKey(name)
          && domains.family(name) != null && call.argSize() == domains.family(name).arity()) {
        Domain.Family family = domains.family(name);
        List<ISymbol> indices = family.second() == null ? List.of(family.index())
            : List.of(family.index(), family.second().index());
        if (call.arg1().equals(indices.get(0)) && (indices.size() == 1 || call.arg2().equals(indices.get(1)))) {
          // families sharing indices: the members all of them have
          membersByIndices.merge(indices, new TreeSet<>(families.get(name).keySet()), (a, b) -> {
            a.retainAll(b);
            return a;
          });
        }
      }
    });
    if (membersByIndices.size() != 1) {
      return List.of(condition); // none, or different free indices: as written
    }
    Map.Entry<List<ISymbol>, Set<Integer>> free = membersByIndices.entrySet().iterator().next();
    List<ISymbol> indices = free.getKey();
    List<IExpr> out = new ArrayList<>();
    for (int key : free.getValue()) {
      Map<ISymbol, IExpr> at = indices.size() == 1 ? Map.of(indices.get(0), F.ZZ(key))
          : Map.of(indices.get(0), F.ZZ(memberIndices(key)[0]), indices.get(1), F.ZZ(memberIndices(key)[1]));
      out.add(Trees.substitute(condition, at));
    }
    return out;
  }

  /** Whether some value is known only exactly (Pi/2, Sqrt(2)): doubles cannot judge the point. */
  boolean hasExactOnlyValues() {
    // a rational (a + b + c == 1 solved for a) is as well served by doubles as any decimal
    return scalars.values().stream().anyMatch(v -> v.symbolic() != null && !v.symbolic().isRational());
  }

  /**
   * An exact complex value re + im*I with finite decimal parts. integer: the variable ranges
   * over integers (a size, an index, a finite set of integers), so its value stays an exact
   * integer in high-precision re-checks; other values enter them as high-precision decimals.
   */
  record Value(BigDecimal re, BigDecimal im, boolean integer, IExpr symbolic) {
    Value(BigDecimal re, BigDecimal im, boolean integer) {
      this(re, im, integer, null);
    }

    Value(BigDecimal re, BigDecimal im) {
      this(re, im, false);
    }

    /**
     * A value known exactly as a constant expression (y = Pi*x solved from a constraint), with
     * re as its decimal approximation: high-precision re-checks evaluate the expression itself,
     * so the constraint holds at every precision, not only to the digits of re.
     */
    static Value symbolic(IExpr exact, BigDecimal approximation) {
      return new Value(approximation, BigDecimal.ZERO, false, exact);
    }

    /**
     * A real constant (3/7, Pi/2, Sqrt(2)) as a value: a plain decimal when it is one exactly,
     * else kept exact with its own 40 digits for the fast checks; null if it is not real.
     */
    static Value of(IExpr constant) {
      IExpr value = stepwise.cas.Cas.evaluate(constant);
      if (value instanceof org.matheclipse.core.interfaces.IInteger i) {
        return real(new BigDecimal(i.toBigNumerator()));
      }
      if (value instanceof org.matheclipse.core.interfaces.IFraction f) {
        try {
          return real(new BigDecimal(f.toBigNumerator()).divide(new BigDecimal(f.toBigDenominator())));
        } catch (ArithmeticException e) {
          // no finite decimal: kept exact below
        }
      }
      BigDecimal approx = stepwise.cas.Cas.decimal(value, 40);
      return approx == null ? null : symbolic(value, approx);
    }

    static Value real(BigDecimal re) {
      return new Value(re, BigDecimal.ZERO);
    }

    static Value integer(BigDecimal re) {
      return new Value(re, BigDecimal.ZERO, true);
    }

    /** A value of the same kind (integer or not) as this one. */
    Value like(BigDecimal newRe, BigDecimal newIm) {
      return new Value(newRe, newIm, integer && newIm.signum() == 0 && newRe.stripTrailingZeros().scale() <= 0);
    }

    /**
     * The value for Symja at the given precision: an exact integer for integer variables, else
     * an inexact decimal. Exact rationals would let Symja simplify before evaluating, and it
     * merges roots unsoundly: (-2)^(1/3)*(-3)^(1/3) becomes 6^(1/3).
     */
    IExpr numeric(int digits) {
      if (integer) {
        return exact();
      }
      if (symbolic != null) {
        return stepwise.cas.Cas.numeric(symbolic, digits + 20);
      }
      long precision = digits + 20L;
      org.apfloat.Apfloat r = new org.apfloat.Apfloat(re, precision);
      if (im.signum() == 0) {
        return org.matheclipse.core.expression.ApfloatNum.valueOf(r);
      }
      return F.complexNum(r, new org.apfloat.Apfloat(im, precision));
    }

    static Value real(double re) {
      return real(new BigDecimal(Double.toString(re)));
    }

    Complex approx() {
      return new Complex(re.doubleValue(), im.doubleValue());
    }

    boolean isReal() {
      return im.signum() == 0;
    }

    IExpr exact() {
      if (symbolic != null) {
        return symbolic;
      }
      return im.signum() == 0 ? exact(re) : complex();
    }

    private IExpr complex() {
      return F.complex((org.matheclipse.core.interfaces.IRational) exact(re), (org.matheclipse.core.interfaces.IRational) exact(im));
    }

    private static IExpr exact(BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0) {
        return F.ZZ(s.toBigIntegerExact());
      }
      return F.fraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
    }

    /** For reports: up to 12 significant digits, trailing zeros dropped. */
    String show() {
      if (symbolic != null && !symbolic.isNumber()) {
        String exactText = stepwise.expr.ExprPrinter.print(symbolic);
        return exactText.length() <= 24 ? exactText : show(re);
      }
      if (symbolic instanceof org.matheclipse.core.interfaces.IFraction
          || symbolic instanceof org.matheclipse.core.interfaces.IInteger) {
        return stepwise.expr.ExprPrinter.print(symbolic);
      }
      String r = show(re);
      if (im.signum() == 0) {
        return r;
      }
      String i = show(im.abs());
      return (re.signum() == 0 ? "" : r + (im.signum() < 0 ? " - " : " + ")) + (re.signum() == 0 && im.signum() < 0 ? "-" : "")
          + (i.equals("1") ? "" : i + "*") + "I";
    }

    private static String show(BigDecimal d) {
      BigDecimal rounded = d.round(new java.math.MathContext(12)).stripTrailingZeros();
      String s = rounded.toPlainString();
      return s.length() > 20 ? rounded.toString() : s;
    }
  }
}
