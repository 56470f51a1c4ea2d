package stepwise.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.hipparchus.complex.Complex;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Re-checks with Symja in high precision what the fast double evaluation suggested. A
 * difference counts only if it is the same (to 6 digits) at two precisions: rounding noise
 * shrinks when digits are added, a real difference does not. If 50 against 70 digits cannot
 * tell, 100 against 130 and then 200 against 240 are tried. Nothing is compared through
 * doubles, which underflow (1e-835 is not 0).
 */
final class Precise {
  static final int DIGITS = 50;
  private static final int[][] LADDER = {{50, 70}, {100, 130}, {200, 240}};
  private static final int[][] DEEP_LADDER = {{50, 70}, {100, 130}, {200, 240}, {600, 700}, {1200, 1400}};
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final int MAX_TERMS = 20_000;
  /** Exact evaluation is a shortcut (and a second opinion), not worth a long wait. */
  private static final Duration EXACT_DEADLINE = Duration.ofSeconds(1);
  // Measured with precision set first (Cas.numeric): exp and powers up to e^(10^12) take
  // under 0.2 s; Gamma takes 0.2 s at 10^5, 3 s at 10^7 and minutes at 10^9, uninterruptibly.
  private static final double MAX_LOG_SIZE = 1e12;
  private static final double MAX_GAMMA_ARGUMENT = 1e5;
  /** A value counts only if it stands this many digits above the rounding of the largest part. */
  private static final int GUARD_DIGITS = 10;

  private Precise() {}

  /** Whether a quantity is zero, surely not zero, or cannot be told at the precisions tried. */
  enum Zero {
    ZERO, NONZERO, UNSURE,
    /** Values there are too large for 240-digit arithmetic to see the difference (or at all). */
    BEYOND
  }

  /**
   * The outcome of a zero test, with the value at the highest precision when it is not zero;
   * exact: the quantity evaluated with the point's exact decimals is 0 (not just below rounding).
   */
  record Test(Zero verdict, IExpr value, boolean exact) {
    Test(Zero verdict, IExpr value) {
      this(verdict, value, false);
    }
  }

  /** The value of expr at the point, with 50 digits, or null. */
  static IExpr at(IExpr expr, Point p) {
    return at(expr, p, DIGITS);
  }

  /**
   * The value of expr at the point with the given number of digits, or null when it cannot be
   * computed or these digits cannot tell it from rounding noise (see {@link Reading}).
   */
  static IExpr at(IExpr expr, Point p, int digits) {
    Reading r = reading(expr, p, digits);
    return r == null || r.beyond() || !r.trusted() ? null : r.value();
  }

  /**
   * A value computed with a number of digits, and log10 of the largest intermediate value
   * (-Infinity if none is known). Fixed-precision arithmetic loses what lies below the rounding
   * of the largest part: sin(z)^2 + cos(z)^2 with sin(z) near 1e150 comes out as 0 even with
   * 240 digits. Such a value is noise; a noise value is trusted (as nearly 0) only while the
   * rounding itself is tiny.
   */
  static final class Reading {
    private final IExpr value;
    private final int digits;
    private final double largest;
    /** log10 |value|, computed once when first asked (measured): noise() is asked several times per reading. */
    private double magnitude;
    private boolean measured;

    Reading(IExpr value, int digits, double largest) {
      this.value = value;
      this.digits = digits;
      this.largest = largest;
    }

    IExpr value() {
      return value;
    }

    int digits() {
      return digits;
    }

    double largest() {
      return largest;
    }

    /** Some part is too large to compute at all (value is null). */
    boolean beyond() {
      return largest == Double.POSITIVE_INFINITY;
    }

    boolean noise() {
      if (value.isZero()) {
        return true;
      }
      if (!measured) {
        magnitude = log10Abs(value);
        measured = true;
      }
      return magnitude < largest - digits + GUARD_DIGITS;
    }

    boolean trusted() {
      return !noise() || largest <= digits / 2.0;
    }
  }

  /** One reading asked again within a scope of {@link #remembering}: the same expression, point and digits. */
  private record Asked(IExpr expr, Point point, int digits) {}

  /** Readings of the current scope on this thread (null outside one): certifying and describing a point read the same values. */
  private static final ThreadLocal<Map<Asked, Reading>> REMEMBERED = new ThreadLocal<>();

  /**
   * Runs work with the readings it makes remembered (those that came out: a reading cut off by
   * the deadline is not), so a value read once at a point and precision is not computed again.
   */
  static <T> T remembering(java.util.function.Supplier<T> work) {
    if (REMEMBERED.get() != null) {
      return work.get();
    }
    REMEMBERED.set(new HashMap<>());
    try {
      return work.get();
    } finally {
      REMEMBERED.remove();
    }
  }

  /** The reading of expr at the point, or null if it cannot be computed. */
  static Reading reading(IExpr expr, Point p, int digits) {
    Map<Asked, Reading> remembered = REMEMBERED.get();
    if (remembered == null) {
      return readNow(expr, p, digits);
    }
    Asked asked = new Asked(expr, p, digits);
    Reading known = remembered.get(asked);
    if (known == null) {
      known = readNow(expr, p, digits);
      if (known != null) {
        remembered.put(asked, known);
      }
    }
    return known;
  }

  private static Reading readNow(IExpr expr, Point p, int digits) {
    IExpr e = atPoint(expr, p, v -> v.numeric(digits));
    if (e == null) {
      return null;
    }
    e = fullPrecision(e);
    if (hugeSpecial(e, new Numeric(new Point(Map.of(), Map.of())))) {
      return new Reading(null, digits, Double.POSITIVE_INFINITY); // before anything asks Symja for Gamma(10^30)
    }
    double largest = largestIntermediate(e, true, new Numeric(new Point(Map.of(), Map.of())));
    if (largest == Double.POSITIVE_INFINITY) {
      return new Reading(null, digits, largest);
    }
    IExpr numeric;
    try {
      numeric = integerPowers(elementary(e, digits), digits);
    } catch (RuntimeException ex) {
      return null;
    }
    IExpr result;
    Duration left = timeLeft();
    if (left.isZero()) {
      return null;
    }
    try {
      result = Cas.withDeadline(left, () -> Cas.numeric(numeric, digits));
    } catch (RuntimeException ex) {
      return null;
    }
    return result.isNumber() ? new Reading(result, digits, largest) : null;
  }

  /**
   * Replaces what Symja computes in double precision whatever the digits asked for: the sign of
   * a non-real number (Sign(-1 + I) has 17 correct digits at 100), by u/Abs(u).
   */
  private static IExpr fullPrecision(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(fullPrecision(arg));
    }
    if (ast.head().equals(S.Sign) && ast.argSize() == 1) {
      IExpr u = rebuilt.arg1();
      return F.If(F.Equal(Trees.node(S.Im, u), F.C0), rebuilt, Trees.times(u, Trees.power(Trees.node(S.Abs, u), F.CN1)));
    }
    return rebuilt;
  }

  /**
   * Computes integer powers of numbers with apfloat's own pow: Symja's numeric mode turns the
   * exponent into a float and goes through exp and log, a hundred times slower (a sum of 30
   * binomial terms took 0.3 s per reading).
   */
  private static IExpr integerPowers(IExpr e, int digits) {
    if (!(e instanceof IAST ast) || Places.iterationOf(e) != null) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(integerPowers(arg, digits));
    }
    if (!ast.head().equals(S.Power) || ast.argSize() != 2 || !(ast.arg2() instanceof IInteger k)) {
      return rebuilt;
    }
    long exponent = k.toLongDefault(Long.MIN_VALUE);
    IExpr base = rebuilt.arg1();
    if (exponent == Long.MIN_VALUE || Math.abs(exponent) > 1_000_000 || base.isRational()
        || !base.isNumericFunction(true)) {
      return rebuilt; // exact powers stay exact; symbolic ones stay with Symja
    }
    IExpr b = base.isNumber() ? base : Cas.numeric(base, digits);
    org.apfloat.Apcomplex z;
    if (b instanceof org.matheclipse.core.interfaces.IComplexNum c) {
      z = c.apcomplexValue();
    } else if (b instanceof org.matheclipse.core.interfaces.INum r) {
      z = r.apfloatValue();
    } else {
      return rebuilt;
    }
    if (z.equals(org.apfloat.Apcomplex.ZERO)) {
      return rebuilt;
    }
    org.apfloat.Apcomplex power = org.apfloat.ApcomplexMath.pow(z, Math.abs(exponent));
    if (exponent < 0) {
      power = org.apfloat.Apcomplex.ONE.precision(z.precision()).divide(power);
    }
    return power.imag().signum() == 0 && z.imag().signum() == 0
        ? org.matheclipse.core.expression.ApfloatNum.valueOf(power.real()) : F.complexNum(power);
  }

  /** Real arguments up to which Hipparchus' Dfp computes an elementary function (its argument reduction keeps the guard digits). */
  static final double DFP_MAX_TRIG_ARGUMENT = 1e5;
  static final double DFP_MAX_EXP_ARGUMENT = 1e3;
  /** Digits Dfp computes beyond those asked for: its last few digits are not all correct. */
  static final int DFP_GUARD = 20;
  /**
   * The digits of the one Dfp field: enough for the 50/70-digit rung with its guard digits, which
   * is where nearly all readings are. Making a field computes its constants (at 3 times its
   * digits) once per process, 0.3 to 0.6 s before the JIT has warmed up, 2 s for a 150-digit
   * field: higher rungs stay with apfloat.
   */
  static final int DFP_DIGITS = 95;

  /** Whether readings use Dfp: a batch turns it on (see {@link #useDfp}); a single check keeps apfloat and its quick start. */
  private static volatile boolean dfpOn;

  /**
   * Makes the Dfp field now, outside any check's time limit, and lets readings use it from now
   * on in this process. Worth it for many checks (a batch, a server): for a single one the
   * field's making costs more than it saves.
   */
  static void useDfp() {
    useDfp(true);
  }

  /** Turns Dfp on or off (a test compares the two). */
  static void useDfp(boolean on) {
    if (!on || Dfp.FIELD != null) {
      dfpOn = on;
    }
  }

  /** The field, made on first use (a holder class: thread-safe, and never made by a run that reads nothing). */
  static final class Dfp {
    static final org.hipparchus.dfp.DfpField FIELD = new org.hipparchus.dfp.DfpField(DFP_DIGITS);
  }

  /**
   * Computes Sin, Cos, Tan, Exp and Log of real numbers, and powers of a positive real number
   * to a real exponent that is not an integer (Sqrt(x), x^a), with Hipparchus' Dfp (Taylor
   * series, Newton's square root): apfloat, which Symja's numeric mode uses, computes them
   * through complex logarithms by the arithmetic-geometric mean, 20 to 40 times slower at 50 to
   * 240 digits (Sin(1) at 50 digits: 30 ms against 1 ms, measured), and they were most of a
   * counterexample's cost. The value is computed with DFP_GUARD more digits and given Symja with
   * the digits asked for, as apfloat's would be; complex, huge or non-numeric arguments, negative
   * bases and integer exponents (see {@link #integerPowers}) stay with Symja.
   */
  private static IExpr elementary(IExpr e, int digits) {
    if (!dfpOn || !(e instanceof IAST ast) || Places.iterationOf(e) != null || digits + DFP_GUARD > DFP_DIGITS) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(elementary(arg, digits));
    }
    IExpr head = ast.head();
    if (head.equals(S.Power) && ast.argSize() == 2 && !rebuilt.arg1().equals(S.E)) {
      IExpr power = realPower(rebuilt.arg1(), rebuilt.arg2(), digits);
      if (power == null) {
        power = ComplexDfp.power(rebuilt.arg1(), rebuilt.arg2(), digits);
      }
      return power == null ? rebuilt : power;
    }
    IExpr argument;
    if (ast.argSize() == 1 && (head.equals(S.Sin) || head.equals(S.Cos) || head.equals(S.Tan) || head.equals(S.Log))) {
      argument = rebuilt.arg1();
    } else if (head.equals(S.Power) && ast.argSize() == 2) {
      argument = rebuilt.arg2();
      head = S.Exp;
    } else {
      return rebuilt;
    }
    if ((head.equals(S.Exp) || head.equals(S.Log)) && argument.isNumericFunction(true) && !argument.isZero()) {
      argument = argument.isNumber() ? argument : Cas.numeric(argument, digits);
      if (argument instanceof org.matheclipse.core.interfaces.IComplexNum
          || head.equals(S.Log) && argument instanceof org.matheclipse.core.interfaces.INum n && n.isNegative()) {
        IExpr value = head.equals(S.Exp) ? ComplexDfp.exp(argument, digits) : ComplexDfp.log(argument, digits);
        return value == null ? rebuilt : value;
      }
    }
    if (!argument.isNumericFunction(true) || argument.isZero()) {
      return rebuilt; // Sin(0) stays exact
    }
    org.apfloat.Apfloat a = realValue(argument, digits);
    if (a == null) {
      return rebuilt;
    }
    double size = Math.abs(a.doubleValue());
    boolean fits = head.equals(S.Log) ? a.signum() > 0 && Math.abs(a.scale()) < 300
        : head.equals(S.Exp) ? size <= DFP_MAX_EXP_ARGUMENT : size <= DFP_MAX_TRIG_ARGUMENT;
    if (!fits) {
      return rebuilt;
    }
    // reducing a large argument modulo pi loses its magnitude's digits from the value near a zero (Sin(50000 Pi + 10^-11))
    int guard = DFP_GUARD + (head.equals(S.Log) || size < 1 ? 0 : (int) Math.ceil(Math.log10(size)));
    if (digits + guard > DFP_DIGITS) {
      return rebuilt;
    }
    org.hipparchus.dfp.DfpField field = Dfp.FIELD; // more digits than asked for only make the value more exact
    org.hipparchus.dfp.Dfp d = dfp(a);
    org.hipparchus.dfp.Dfp value = head.equals(S.Sin) ? org.hipparchus.dfp.DfpMath.sin(d)
        : head.equals(S.Cos) ? org.hipparchus.dfp.DfpMath.cos(d)
        : head.equals(S.Tan) ? org.hipparchus.dfp.DfpMath.tan(d)
        : head.equals(S.Log) ? org.hipparchus.dfp.DfpMath.log(d)
        : org.hipparchus.dfp.DfpMath.exp(d);
    IExpr number = symja(value, digits);
    return number == null ? rebuilt : number;
  }

  /**
   * base^exponent for a positive real base and a real exponent that is not an integer, by Dfp:
   * the square root by Newton's method, any other exponent as Exp(exponent Log(base)); null
   * where Symja keeps it (an exact rational power, a negative or complex base, an integer
   * exponent, a huge exponent of the result).
   */
  private static IExpr realPower(IExpr base, IExpr exponent, int digits) {
    if (exponent.isInteger() || !base.isNumericFunction(true) || !exponent.isNumericFunction(true) || base.isZero()) {
      return null;
    }
    boolean root = exponent.equals(F.C1D2) || exponent.equals(F.CN1D2);
    org.apfloat.Apfloat b = realValue(base, digits);
    org.apfloat.Apfloat y = root ? null : realValue(exponent, digits);
    if (b == null || b.signum() <= 0 || !root && (y == null || y.signum() == 0) || Math.abs(b.scale()) >= 300) {
      return null;
    }
    org.hipparchus.dfp.DfpField field = Dfp.FIELD;
    org.hipparchus.dfp.Dfp d = dfp(b);
    if (root) {
      org.hipparchus.dfp.Dfp r = d.sqrt();
      return symja(exponent.isNegative() ? field.getOne().divide(r) : r, digits);
    }
    // Exp(t), t = y Log(b), loses log10 |t| digits: as many guard digits more, and |t| no larger than Exp allows
    double size = Math.abs(y.doubleValue() * log10Abs(b) * Math.log(10));
    if (!(size <= DFP_MAX_EXP_ARGUMENT) || digits + DFP_GUARD + (size < 1 ? 0 : (int) Math.ceil(Math.log10(size))) > DFP_DIGITS) {
      return null;
    }
    // a fraction exponent (1/3) to all the field's digits, not only those asked for
    org.hipparchus.dfp.Dfp power = exponent instanceof org.matheclipse.core.interfaces.IFraction q
        ? dfp(new org.apfloat.Apfloat(q.toBigNumerator())).divide(dfp(new org.apfloat.Apfloat(q.toBigDenominator())))
        : dfp(y);
    return symja(org.hipparchus.dfp.DfpMath.exp(org.hipparchus.dfp.DfpMath.log(d).multiply(power)), digits);
  }

  /**
   * A decimal number as a Dfp of the field. Written in scientific notation: Dfp reads a long
   * string of plain digits wrongly (1.5 * 10^120 written out came back as 1.5 * 10^96, measured).
   */
  static org.hipparchus.dfp.Dfp dfp(org.apfloat.Apfloat a) {
    return a.signum() == 0 ? Dfp.FIELD.getZero() : Dfp.FIELD.newDfp(a.toString(false));
  }

  /** A real number's value with the given digits (exact numbers converted), or null if it is not real or not decimal. */
  private static org.apfloat.Apfloat realValue(IExpr x, int digits) {
    IExpr n = x instanceof org.matheclipse.core.interfaces.INum ? x : Cas.numeric(x, digits);
    if (!(n instanceof org.matheclipse.core.interfaces.INum real)) {
      return null;
    }
    org.apfloat.Apfloat a = real.apfloatValue();
    return a.radix() == 10 ? a : null;
  }

  /** A Dfp value as a Symja number with the digits asked for, or null if it is not a finite number. */
  static IExpr symja(org.hipparchus.dfp.Dfp value, int digits) {
    if (value.isNaN() || value.isInfinite() || value.classify() != org.hipparchus.dfp.Dfp.FINITE && !value.isZero()) {
      return null;
    }
    return org.matheclipse.core.expression.ApfloatNum.valueOf(new org.apfloat.Apfloat(value.toString(), digits));
  }

  /** The deadline of one reading: DEADLINE, or less if the check's time is nearly up (ZERO: none left). */
  private static Duration timeLeft() {
    long nanos = Budget.current().endsAtNanos() - System.nanoTime();
    return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(nanos, DEADLINE.toNanos()));
  }

  /** log10 |x| of a Symja number, computed without going through a double that may underflow. */
  private static double log10Abs(IExpr x) {
    double fromDigits = log10AbsOfDigits(x);
    if (!Double.isNaN(fromDigits)) {
      return fromDigits;
    }
    IExpr l = Cas.numeric(Trees.node(S.Log, F.C10, Trees.node(S.Abs, x)), 20);
    return l.isReal() ? l.evalf() : Double.NaN;
  }

  /**
   * log10 |x| read off an arbitrary-precision number's decimal exponent and leading digits
   * (a Symja evaluation of Log costs a thousand times more); NaN for anything else.
   */
  private static double log10AbsOfDigits(IExpr x) {
    if (x instanceof org.matheclipse.core.interfaces.IComplexNum c) {
      org.apfloat.Apcomplex z = c.apcomplexValue();
      double re = log10Abs(z.real());
      double im = log10Abs(z.imag());
      double big = Math.max(re, im);
      double small = Math.min(re, im);
      if (Double.isNaN(big) || Double.isNaN(small) || big == Double.NEGATIVE_INFINITY) {
        return Double.NaN; // 0 or an odd radix: ask Symja
      }
      // |z| = 10^big * sqrt(1 + 10^(2 (small - big)))
      return big + 0.5 * Math.log10(1 + Math.pow(10, 2 * (small - big)));
    }
    if (x instanceof org.matheclipse.core.interfaces.INum r) {
      double l = log10Abs(r.apfloatValue());
      return l == Double.NEGATIVE_INFINITY ? Double.NaN : l;
    }
    return Double.NaN;
  }

  /** log10 |a| from its decimal exponent and leading digits: -Infinity for 0, NaN if not decimal. */
  static double log10Abs(org.apfloat.Apfloat a) {
    if (a.signum() == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a.radix() != 10) {
      return Double.NaN;
    }
    long scale = a.scale(); // a = 0.d1d2... * 10^scale with d1 != 0
    double mantissa = org.apfloat.ApfloatMath.scale(a.precision(Math.min(a.precision(), 20)), -scale).doubleValue();
    return scale + Math.log10(Math.abs(mantissa));
  }

  /**
   * Whether expr is zero at p. Exact arithmetic on the point's decimals settles it first when it
   * can and 50 digits agree (a polynomial identity is 0 at once). Otherwise the precision ladder decides;
   * when the ladder sees zero (or nothing) but the exact value is a nonzero constant too small
   * for 240 digits to see next to the other parts (1 - (1 + e^-10000), or x - (x + 1) at
   * x = 10^300), the quantity is not zero.
   */
  static Test zeroTest(IExpr expr, Point p) {
    return zeroTest(expr, p, true);
  }

  /**
   * The zero test with the first rung only when that rung decides: zero when 50 and 70 digits
   * both see only trusted noise, without the higher rungs and the deeper reading of the exact
   * value (which look for a difference below 40 digits). A difference it sees is the one the
   * whole test sees (the same first rung); anything undecided goes through the whole test.
   */
  static Test quickZeroTest(IExpr expr, Point p) {
    return zeroTest(expr, p, false);
  }

  private static Test zeroTest(IExpr expr, Point p, boolean deep) {
    IExpr exact = exactValue(expr, p);
    boolean rational = exact != null && (exact.isRational() || exact instanceof org.matheclipse.core.interfaces.IComplex);
    if (rational && !hasRoots(expr, p)) {
      // rational arithmetic is exact: at x = 1/3, Piecewise({{1, x >= 1/3}}, 0) is 1, though
      // 70-digit decimals of 1/3 fall just below it
      return exact.isZero() ? new Test(Zero.ZERO, null, true) : new Test(Zero.NONZERO, exact);
    }
    if (rational && exact.isZero()) {
      // with roots, a second opinion: Symja merges them unsoundly ((-2)^(1/3)*(-3)^(1/3) - 6^(1/3) gives 0)
      Reading check = reading(expr, p, LADDER[0][0]);
      if (check != null && !check.beyond() && check.noise()) {
        return new Test(Zero.ZERO, null, true);
      }
    }
    if (!deep) {
      Test first = zeroTest(digits -> reading(expr, p, digits), new int[][] {LADDER[0]});
      if (first.verdict() == Zero.ZERO || first.verdict() == Zero.NONZERO) {
        return first;
      }
    }
    double[] floor = {Double.NaN};
    Test t = zeroTest(digits -> {
      Reading r = reading(expr, p, digits);
      if (r != null && !r.beyond()) {
        floor[0] = r.largest() - r.digits() + GUARD_DIGITS;
      }
      return r;
    });
    boolean blind = t.verdict() == Zero.ZERO || t.verdict() == Zero.BEYOND; // 240 digits saw nothing
    if (!blind || exact == null || !exact.isNumericFunction(true) || !(floor[0] > Double.NEGATIVE_INFINITY)) {
      return t;
    }
    if (tame(exact)) {
      return t;
    }
    Point none = new Point(Map.of(), Map.of());
    // a constant alone can be read deeper at little cost: e^(10^-300) - 1 needs 300 digits
    Test hidden = zeroTest(digits -> reading(exact, none, digits), deeperThan(exact, floor[0]));
    if (hidden.verdict() == Zero.NONZERO && log10Abs(hidden.value()) < floor[0]) {
      return hidden;
    }
    // exact arithmetic disagrees with what 240 digits can see: trust the digits (Symja merges
    // roots of negative rationals unsoundly); or it could not tell either
    return t;
  }

  /** Functions whose values stay within a few orders of their arguments' (no saturation like Tanh(600) or Zeta(1000)). */
  private static final java.util.Set<IExpr> ELEMENTARY = java.util.Set.of(S.Plus, S.Times, S.Power, S.Sqrt, S.Exp,
      S.Log, S.Sin, S.Cos, S.Tan, S.Cot, S.Sec, S.Csc, S.ArcSin, S.ArcCos, S.ArcTan, S.Sinh, S.Cosh, S.Abs);
  /** The largest |log10| of a part of a tame constant: sums of such parts that cancel do so above 240 digits' floor. */
  private static final double TAME_MAGNITUDE = 60;

  /**
   * Whether a constant (a difference that 240 digits saw as zero) cannot hide a value far below
   * that: built from rationals and Pi, E, I with numerators and denominators under 10^60, by
   * elementary functions only, every part of it in doubles 0 or between 10^-60 and 10^60 in
   * size. A value hidden below 10^-230 needs an extreme part (10^-250, e^-600, 1/200!), a
   * saturating function (Tanh(600) - 1 is 10^-521, Erf, Zeta) or a huge numerator; such
   * constants, and anything else, are read deeper.
   */
  private static boolean tame(IExpr constant) {
    Numeric doubles = new Numeric(new Point(Map.of(), Map.of()));
    if (!(constant instanceof IAST whole) || !ELEMENTARY.contains(whole.head())) {
      return false;
    }
    // the whole is the value in question (0 in doubles): only its parts must be of moderate size
    return Trees.args(whole).stream().noneMatch(arg -> Trees.contains(arg, part -> !tamePart(part, doubles)));
  }

  private static boolean tamePart(IExpr part, Numeric doubles) {
    if (part instanceof IAST ast) {
      if (!ELEMENTARY.contains(ast.head())) {
        return false;
      }
      try {
        Complex v = doubles.eval(part);
        double size = v.norm();
        // 0 in doubles may be an underflow (e^-10000): not tame
        return !v.isNaN() && !v.isInfinite() && size > 0 && Math.abs(Math.log10(size)) <= TAME_MAGNITUDE;
      } catch (Numeric.NotNumeric | ArithmeticException ex) {
        return false;
      }
    }
    if (part instanceof org.matheclipse.core.interfaces.IRational q) {
      return q.toBigNumerator().abs().bitLength() < 200 && q.toBigDenominator().bitLength() < 200;
    }
    if (part instanceof org.matheclipse.core.interfaces.IComplex c) {
      return tamePart(c.getRealPart(), doubles) && tamePart(c.getImaginaryPart(), doubles);
    }
    return part.equals(S.Pi) || part.equals(S.E) || part.equals(F.CI) || part.isBuiltInSymbol() && ELEMENTARY.contains(part);
  }

  /**
   * The rungs of the deep ladder that can see a value of the constant below floor: a rung whose
   * rounding (the constant's largest part less its digits) is above floor can only report a
   * value that the ladder already saw (and that is then not hidden), so it is not read; when
   * exact arithmetic changed nothing, the first three rungs are the ones the ladder just read.
   */
  private static int[][] deeperThan(IExpr constant, double floor) {
    IExpr e = atPoint(constant, new Point(Map.of(), Map.of()), v -> v.numeric(DIGITS));
    if (e == null) {
      return DEEP_LADDER;
    }
    double largest = largestIntermediate(fullPrecision(e), true, new Numeric(new Point(Map.of(), Map.of())));
    if (!(largest > Double.NEGATIVE_INFINITY) || largest == Double.POSITIVE_INFINITY) {
      return DEEP_LADDER;
    }
    return java.util.Arrays.stream(DEEP_LADDER).filter(rung -> largest - rung[1] + GUARD_DIGITS < floor)
        .toArray(int[][]::new);
  }

  /**
   * Whether expr takes a root (a non-integer power) of something that may be negative or
   * complex at p: Symja merges such roots unsoundly, so its exact value needs a second opinion.
   * Roots of positive numbers (Sqrt(2), x^(1/3) at x = 3/10) are safe.
   */
  private static boolean hasRoots(IExpr expr, Point p) {
    Map<IExpr, IExpr> values = new HashMap<>();
    p.scalars().forEach((s, v) -> values.put(s, v.exact()));
    IExpr e = Trees.substitute(expr, values);
    return Trees.contains(e, x -> x instanceof IAST ast && (ast.head().equals(S.Surd) || ast.head().equals(S.CubeRoot)
        || ast.head().equals(S.Sqrt) && !positive(ast.arg1())
        || ast.head().equals(S.Power) && ast.argSize() == 2 && !(ast.arg2() instanceof IInteger) && !positive(ast.arg1())));
  }

  private static boolean positive(IExpr base) {
    if (!base.isNumericFunction(true)) {
      return false; // still holds a summation index or a family member: not known
    }
    try {
      IExpr v = Cas.numeric(base, 20);
      return v.isReal() && sign(v) > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The value of expr at p when exact arithmetic gives a rational (or Gaussian rational) without roots, else null. */
  static IExpr rationalAt(IExpr expr, Point p) {
    IExpr exact = exactValue(expr, p);
    return exact != null && (exact.isRational() || exact instanceof org.matheclipse.core.interfaces.IComplex)
        && !hasRoots(expr, p) ? exact : null;
  }

  /**
   * expr with the point's values put in (numbers as written, sums and products over integer
   * bounds written out, family members replaced), not yet evaluated; null if too many terms.
   */
  private static IExpr atPoint(IExpr expr, Point p, java.util.function.Function<Point.Value, IExpr> value) {
    Map<IExpr, IExpr> values = new HashMap<>();
    p.scalars().forEach((s, v) -> values.put(s, value.apply(v)));
    IExpr e = expand(Trees.substitute(SymbolicProver.exactNumbers(expr), values), new int[] {MAX_TERMS});
    return e == null ? null : members(e, p.families(), value);
  }

  /** expr evaluated by Symja with the point's exact values; null if that fails or takes too long. */
  private static IExpr exactValue(IExpr expr, Point p) {
    IExpr expanded = atPoint(expr, p, Point.Value::exact);
    if (expanded == null || largestIntermediate(expanded, true, new Numeric(new Point(Map.of(), Map.of())))
        == Double.POSITIVE_INFINITY) {
      return null;
    }
    try {
      Duration left = timeLeft();
      if (left.isZero()) {
        return null;
      }
      return Cas.withDeadline(left.compareTo(EXACT_DEADLINE) < 0 ? left : EXACT_DEADLINE, () -> Cas.evaluate(expanded));
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /**
   * The zero test for a quantity read at a given number of digits (null: cannot compute). It
   * is zero if it is noise at every rung and the rounding at the last one is tiny; not zero if
   * two precisions of a rung agree to 6 digits on a value above the noise.
   */
  static Test zeroTest(IntFunction<Reading> atDigits) {
    return zeroTest(atDigits, LADDER);
  }

  private static Test zeroTest(IntFunction<Reading> atDigits, int[][] ladder) {
    boolean allNoise = true;
    Reading last = null;
    for (int[] rung : ladder) {
      Reading low = atDigits.apply(rung[0]);
      Reading high = atDigits.apply(rung[1]);
      if (low == null || high == null) {
        return new Test(Zero.UNSURE, null);
      }
      if (low.beyond() || high.beyond()) {
        return new Test(Zero.BEYOND, null);
      }
      last = high;
      if (low.noise() && high.noise()) {
        continue; // zero at this precision: try the next, in case a difference hides below
      }
      allNoise = false;
      if (!high.noise() && relativeDrift(low.value(), high.value())) {
        return new Test(Zero.NONZERO, high.value());
      }
    }
    if (last == null) {
      return new Test(Zero.UNSURE, null); // no rung to read
    }
    return new Test(!allNoise ? Zero.UNSURE : last.trusted() ? Zero.ZERO : Zero.BEYOND, null);
  }

  /** |high - low| / |high| <= 1e-6, computed in high precision. */
  private static boolean relativeDrift(IExpr low, IExpr high) {
    IExpr ratio = Cas.numeric(Trees.times(Trees.node(S.Abs, Trees.plus(high, Trees.negate(low))),
        Trees.power(Trees.node(S.Abs, high), F.CN1)), LADDER[LADDER.length - 1][1]);
    return ratio.isReal() && compare(ratio, 1e-6) <= 0;
  }

  /** Whether a - b is zero at p. */
  static Zero difference(IExpr a, IExpr b, Point p) {
    return zeroTest(Trees.plus(a, Trees.negate(b)), p).verdict();
  }

  /** Sign of a real number computed exactly (never through a double, which may underflow). */
  static int sign(IExpr real) {
    IExpr s = Cas.evaluate(Trees.node(S.Sign, real));
    return s.isOne() ? 1 : s.isMinusOne() ? -1 : 0;
  }

  /** Compares a real Symja number with a (moderate) double, in arbitrary precision. */
  static int compare(IExpr real, double bound) {
    IExpr d = Cas.numeric(Trees.plus(real, Trees.negate(F.num(bound))), LADDER[0][1]);
    return sign(d);
  }

  /**
   * log10 of the largest |value| among expr and the addends of every sum inside it, at the
   * point, in doubles (-Infinity if all are 0): absolute rounding comes from sums, while
   * products and functions only carry relative error (so Exp(-1/x^2) is not noise because
   * 1/x^2 is large); +Infinity when a power there exceeds about e^(10^12) or a gamma's argument
   * exceeds 10^5: apfloat's work on such values runs for minutes and cannot be stopped. Parts that cannot be
   * evaluated in doubles (the body of a sum) are skipped.
   */
  /** Functions whose high-precision value costs time growing with the argument (Gamma of 10^9 takes minutes). */
  private static final java.util.Set<IExpr> SPECIAL = java.util.Set.of(S.Gamma, S.Factorial, S.LogGamma, S.Beta,
      S.Pochhammer, S.PolyGamma, S.Zeta, S.Erf, S.Erfc);

  /** Whether a special function somewhere in e has an argument beyond what apfloat computes in time. */
  private static boolean hugeSpecial(IExpr e, Numeric doubles) {
    return Trees.contains(e, x -> x instanceof IAST ast && SPECIAL.contains(ast.head()) && Trees.args(ast).stream()
        .anyMatch(arg -> {
          try {
            Complex v = doubles.eval(arg);
            return !v.isNaN() && !(v.norm() <= MAX_GAMMA_ARGUMENT);
          } catch (Numeric.NotNumeric | ArithmeticException ex) {
            return false;
          }
        }));
  }

  private static double largestIntermediate(IExpr e, boolean counted, Numeric doubles) {
    double largest = Double.NEGATIVE_INFINITY;
    if (!(e instanceof IAST ast)) {
      return counted ? magnitude(e, doubles) : largest;
    }
    try {
      if (ast.head().equals(S.Power) && ast.argSize() == 2) {
        Complex exponent = doubles.eval(ast.arg2());
        Complex base = doubles.eval(ast.arg1());
        double logSize = base.isZero() ? 0 : exponent.multiply(base.log()).getReal();
        if (!(Math.abs(logSize) <= MAX_LOG_SIZE) && !exponent.isNaN() && !base.isNaN()) {
          return Double.POSITIVE_INFINITY;
        }
      } else if (SPECIAL.contains(ast.head())) {
        for (IExpr arg : Trees.args(ast)) {
          Complex x = doubles.eval(arg);
          if (!(x.norm() <= MAX_GAMMA_ARGUMENT) && !x.isNaN()) {
            return Double.POSITIVE_INFINITY;
          }
        }
      }
    } catch (Numeric.NotNumeric | ArithmeticException ex) {
      // not evaluable in doubles here: the deadline still applies
    }
    if (counted) {
      largest = Math.max(largest, magnitude(e, doubles));
    }
    if (Places.iterationOf(e) != null) {
      return largest; // the body holds the index, which has no value here
    }
    boolean addends = ast.head().equals(S.Plus);
    for (IExpr arg : Trees.args(ast)) {
      largest = Math.max(largest, largestIntermediate(arg, addends, doubles));
    }
    return largest;
  }

  /** log10 |e| at the point in doubles; -Infinity for 0 or what cannot be evaluated. */
  private static double magnitude(IExpr e, Numeric doubles) {
    try {
      Complex v = doubles.eval(e);
      if (v.isNaN()) {
        return Double.NEGATIVE_INFINITY;
      }
      double n = v.norm();
      if (Double.isInfinite(n) || v.isInfinite()) {
        return beyondDoubles(e); // 10^400 * x: only too large for doubles, not for 240 digits
      }
      return n == 0 ? Double.NEGATIVE_INFINITY : Math.log10(n);
    } catch (Numeric.NotNumeric | ArithmeticException ex) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /** log10 |e| read by Symja where doubles overflow; +Infinity if that fails too (then e is beyond reach). */
  private static double beyondDoubles(IExpr e) {
    try {
      double l = log10Abs(e);
      return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
    } catch (RuntimeException ex) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** Writes out sums and products whose bounds are now integers; null if too many terms. */
  private static IExpr expand(IExpr e, int[] budget) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    if (it != null) {
      // never left to Symja, whose Sum over 10^12 terms cannot be stopped
      IInteger l = integerBound(it.lo());
      IInteger h = integerBound(it.hi());
      if (l == null || h == null) {
        return null;
      }
      java.math.BigInteger count = h.toBigNumerator().subtract(l.toBigNumerator()).add(java.math.BigInteger.ONE)
          .max(java.math.BigInteger.ZERO);
      if (count.compareTo(java.math.BigInteger.valueOf(budget[0])) > 0) {
        return null;
      }
      budget[0] -= count.intValueExact();
      int lo = l.toIntDefault();
      int hi = h.toIntDefault();
      List<IExpr> terms = new ArrayList<>();
      for (int k = lo; k <= hi; k++) {
        IExpr term = expand(Trees.substitute(ast.arg1(), Map.of(it.index(), F.ZZ(k))), budget);
        if (term == null) {
          return null;
        }
        terms.add(term);
      }
      boolean sum = ast.head().equals(S.Sum);
      if (terms.isEmpty()) {
        return sum ? F.C0 : F.C1;
      }
      return Trees.node(sum ? S.Plus : S.Times, terms);
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      IExpr x = expand(arg, budget);
      if (x == null) {
        return null;
      }
      rebuilt.append(x);
    }
    return rebuilt;
  }

  /** A bound as an integer within int range (10^6 is 1000000), else null; huge ones are not computed exactly. */
  private static IInteger integerBound(IExpr bound) {
    if (bound instanceof IInteger i) {
      return i.toIntDefault(Integer.MIN_VALUE) == Integer.MIN_VALUE ? null : i;
    }
    if (Trees.contains(bound, x -> x instanceof ISymbol s && stepwise.expr.UserSymbols.isUser(s))) {
      return null;
    }
    IExpr approx = Cas.numeric(bound, 30);
    if (!approx.isReal() || Math.abs(approx.evalf()) > Integer.MAX_VALUE - 1) {
      return null;
    }
    IExpr exact = Cas.evaluate(bound);
    return exact instanceof IInteger i ? i : null;
  }

  /** A member's index once the point's values are in (F(n + 1) at n = 5 is F(6)), or null. */
  private static IExpr index(IExpr argument) {
    if (argument.isInteger()) {
      return argument;
    }
    if (Trees.contains(argument, x -> x instanceof ISymbol s && stepwise.expr.UserSymbols.isUser(s))
        || Trees.size(argument) > 20) {
      return null;
    }
    IExpr v = Cas.evaluate(argument);
    return v.isInteger() ? v : null;
  }

  private static IExpr members(IExpr e, Map<ISymbol, TreeMap<Integer, Point.Value>> families,
      java.util.function.Function<Point.Value, IExpr> value) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    if (ast.head() instanceof ISymbol head && families.containsKey(head)
        && (ast.argSize() == 1 || ast.argSize() == 2) && (ast.argSize() == 2 || !(families.get(head) instanceof Point.Grid))
        && Trees.args(ast).stream().allMatch(a -> index(a) != null)) {
      Integer key = Point.memberKey(Trees.args(ast).stream().mapToInt(a -> index(a).toIntDefault()).toArray());
      Point.Value v = key == null ? null : families.get(head).get(key);
      return v == null ? S.Indeterminate : value.apply(v);
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(members(arg, families, value));
    }
    return rebuilt;
  }
}
