package stepwise.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Series that no proof summed, checked by a partial sum and a proved bound on the tail. A
 * series Sum(f(k), {k, lo, Infinity}) whose term holds no variable but k is split at some N:
 * the first terms are added at 40 digits, and |sum of f(k), k >= N| is bounded by one of two
 * established majorants, each shown for every k >= N0 by a polynomial certificate (after
 * k = N0 + u every coefficient in u is nonnegative, so the inequality holds for all u >= 0):
 * <ul>
 * <li>ratio: |f(k)| <= c |R(k)| with |R(k + 1)/R(k)| <= r < 1, so the tail is at most
 * c |R(N)| / (1 - r);
 * <li>power: |f(k)| <= c C / k^d with d >= 2, so the tail is at most c C (N^-d + N^(1-d)/(d - 1))
 * (the first term plus the integral of C/x^d from N).
 * </ul>
 * Factors (-1)^g and Sin(g), Cos(g) with g real are bounded by 1. The two sides must differ by
 * c0 + sum of c_i times series i (numbers c). A difference beyond all bounds refutes (it is
 * computed again at more digits first); agreement confirms only when the bounds are below
 * 1e-10 of the values; otherwise, and without an established bound, the verdict stays unknown.
 */
final class SeriesBounds {
  static final int DIGITS = 40;
  /** Terms added one by one at most (each costs a high-precision evaluation). */
  static final int MAX_TERMS = 2000;
  /** The latest index a tail bound may start from (the terms before it are added). */
  private static final int MAX_START = MAX_TERMS / 2;
  private static final BigDecimal CONFIRM = new BigDecimal("1e-10");
  private static final MathContext UP = new MathContext(20, RoundingMode.UP);

  private SeriesBounds() {}

  /** The check's outcome: the numeric result for the evidence and the method text for a confirmation. */
  record Outcome(NumericResult result, String method) {}

  /** A bound on the terms from some index on: |sum_{k >= n} f(k)| <= at(n) for every n >= from. */
  private interface Tail {
    int from();

    BigDecimal at(int n);

    String why();
  }

  /**
   * Sets the evidence's sampled result from partial sums where both sides are constants holding
   * series that sampling could not evaluate; leaves it alone otherwise.
   */
  static void apply(Evidence evidence, IExpr left, IExpr right, Budget budget) {
    if (evidence.sampled.points() > 0 || evidence.sampled.violated()
        || !(InfiniteSums.applies(left) || InfiniteSums.applies(right))) {
      return;
    }
    Outcome o = check(left, right, budget);
    if (o != null) {
      evidence.sampled = o.result();
      evidence.sampledMethod = o.method();
    }
  }

  /** Null when the pair is not a constant affine in its series (a variable outside them, a nested series). */
  static Outcome check(IExpr left, IExpr right, Budget budget) {
    IExpr difference = Trees.plus(left, Trees.negate(right));
    Map<IExpr, ISymbol> series = new LinkedHashMap<>();
    if (!collect(difference, series)) {
      return null;
    }
    IExpr hidden = Trees.substitute(difference, inverse(series));
    if (Trees.symbols(hidden).stream().anyMatch(s -> UserSymbols.isUser(s) && !series.containsValue(s))) {
      return null;
    }
    // constant roots in polar form first: Symja's Expand would merge Sqrt(-E) Sqrt(-Pi) into Sqrt(E Pi)
    IExpr expanded = SymbolicProver.symja(Trees.node(S.Expand, RadicalForms.polarConstantPowers(hidden)));
    if (expanded == null) {
      return null;
    }
    Map<IExpr, IExpr> zero = new LinkedHashMap<>();
    series.values().forEach(s -> zero.put(s, F.C0));
    List<BigDecimal> coefficients = new ArrayList<>();
    for (ISymbol s : series.values()) {
      IExpr c = SymbolicProver.symja(Trees.node(S.D, expanded, s));
      if (c == null || Trees.mentions(c, series.values())) {
        return null; // not affine in the series: products of series are not bounded here
      }
      BigDecimal value = real(c);
      if (value == null) {
        return null;
      }
      coefficients.add(value);
    }
    IExpr rest = SymbolicProver.symja(Trees.substitute(expanded, zero));
    BigDecimal constant = rest == null ? null : real(rest);
    if (constant == null) {
      return null;
    }
    BigDecimal value = constant;
    BigDecimal slack = constant.abs().multiply(new BigDecimal("1e-35"));
    BigDecimal scale = constant.abs();
    List<String> parts = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int i = 0;
    for (IExpr sum : series.keySet()) {
      Obligation.Iteration it = InfiniteSums.infinite(sum);
      Tail tail = tail(sum.first(), it.index(), it.lo().toIntDefault());
      if (tail == null) {
        return unknown("no bound on the tail of " + ExprPrinter.print(sum)
            + " could be established (a ratio of terms below 1, or terms below C/k^d with d >= 2, for all k from some N on)");
      }
      Partial partial = partialSum(sum.first(), it.index(), it.lo().toIntDefault(), tail, budget, DIGITS, -1);
      counts.add(partial == null ? 0 : partial.terms());
      if (partial == null) {
        return unknown("the first terms of " + ExprPrinter.print(sum) + " could not be evaluated as real numbers");
      }
      BigDecimal c = coefficients.get(i++);
      value = value.add(c.multiply(partial.value()));
      slack = slack.add(c.abs().multiply(partial.tail().add(partial.rounding()), UP));
      scale = scale.max(c.abs().multiply(partial.value().abs()));
      parts.add(ExprPrinter.print(sum) + " = " + show(partial.value()) + " with an error of at most "
          + show(partial.tail().add(partial.rounding(), UP)) + " (the first " + partial.terms() + " terms at " + DIGITS
          + " digits; " + tail.why() + ")");
    }
    slack = slack.add(scale.multiply(new BigDecimal("1e-35"), UP)); // the coefficients' own rounding at 40 digits
    String shown = String.join("; ", parts);
    if (value.abs().compareTo(slack) > 0) {
      // the same sums again at more digits before anything is reported
      if (!stillApart(series, coefficients, constant, counts, budget)) {
        return unknown("the partial sums place the sides apart, but not again at " + (DIGITS + 20) + " digits");
      }
      Counterexample c = new Counterexample(Map.of(), List.of(shown, "left - right = " + show(value)
          + ", which no tail within the bounds (together " + show(slack) + ") can bring to 0"));
      return new Outcome(new NumericResult(1, 0, value.abs().doubleValue(), c, null, List.of(), true), null);
    }
    if (slack.compareTo(CONFIRM.multiply(scale.max(BigDecimal.ONE))) > 0) {
      return unknown("the partial sums agree, but only within the tail bounds: " + shown
          + "; left - right = " + show(value) + " within " + show(slack) + ", too loose to confirm");
    }
    return new Outcome(new NumericResult(1, 0, value.abs().doubleValue(), null, null, List.of(), true),
        "numerically, by partial sums with proved tail bounds: " + shown + "; left - right = " + show(value)
            + ", within " + show(slack));
  }

  private static Outcome unknown(String why) {
    return new Outcome(new NumericResult(0, 0, 0, null, why, List.of(), false), null);
  }

  private static boolean stillApart(Map<IExpr, ISymbol> series, List<BigDecimal> coefficients, BigDecimal constant,
      List<Integer> counts, Budget budget) {
    BigDecimal value = constant;
    BigDecimal slack = constant.abs().multiply(new BigDecimal("1e-35"));
    int i = 0;
    for (IExpr sum : series.keySet()) {
      Obligation.Iteration it = InfiniteSums.infinite(sum);
      Tail tail = tail(sum.first(), it.index(), it.lo().toIntDefault());
      Partial partial = tail == null ? null
          : partialSum(sum.first(), it.index(), it.lo().toIntDefault(), tail, budget, DIGITS + 20, counts.get(i));
      if (partial == null) {
        return false;
      }
      BigDecimal c = coefficients.get(i++);
      value = value.add(c.multiply(partial.value()));
      slack = slack.add(c.abs().multiply(partial.tail().add(partial.rounding()), UP));
    }
    return value.abs().compareTo(slack) > 0;
  }

  /** The outermost series of e, each named by a fresh symbol; false if one is nested or not a plain constant series. */
  private static boolean collect(IExpr e, Map<IExpr, ISymbol> out) {
    Obligation.Iteration it = InfiniteSums.infinite(e);
    if (it != null) {
      IExpr term = e.first();
      // a lower bound small enough to start adding from (|lo| <= 10^6)
      boolean plain = it.lo().isInteger() && Math.abs(((org.matheclipse.core.interfaces.IInteger) it.lo()).doubleValue()) <= 1e6
          && Trees.symbols(term).stream()
          .allMatch(s -> s.equals(it.index()) || !UserSymbols.isUser(s))
          && !Trees.contains(term, x -> x.equals(S.Sum) || x.equals(S.Product));
      if (!plain) {
        return false;
      }
      out.computeIfAbsent(e, k -> UserSymbols.named("series" + (out.size() + 1)));
      return true;
    }
    if (e instanceof IAST ast) {
      if (Places.iterationOf(ast) != null && Trees.contains(ast, x -> InfiniteSums.infinite(x) != null)) {
        return false;
      }
      for (IExpr a : Trees.args(ast)) {
        if (!collect(a, out)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<IExpr, IExpr> inverse(Map<IExpr, ISymbol> series) {
    return new LinkedHashMap<>(series);
  }

  // ---- tail bounds

  /** An established tail bound for the series of term over k from lo, or null. */
  private static Tail tail(IExpr term, ISymbol k, int lo) {
    IExpr evaluated = SymbolicProver.symja(term);
    if (evaluated == null) {
      return null;
    }
    IExpr constant = F.C1;
    List<IExpr> varying = new ArrayList<>();
    for (IExpr f : Trees.isHead(evaluated, S.Times) ? Trees.args(evaluated) : List.of(evaluated)) {
      if (!Trees.mentions(f, Set.of(k))) {
        constant = Trees.times(constant, f);
      } else if (!boundedByOne(f, k)) {
        varying.add(smallerDenominator(f, k, lo));
      }
    }
    BigDecimal c = real(F.Abs(constant));
    if (c == null || varying.isEmpty()) {
      return null; // a term that does not fall: no bound (the series diverges or is oscillating)
    }
    IExpr majorant = Trees.times(varying);
    Tail t = ratioTail(majorant, k, lo, c);
    return t != null ? t : powerTail(majorant, k, lo, c);
  }

  /**
   * 1/(a_1 + ... + a_m)^p with every a_i proved positive for integers k >= max(lo, 1): at most
   * 1/a^p for the addend a that is largest far out (at k = 64), so 1/(k! + 1) falls like 1/k!.
   */
  private static IExpr smallerDenominator(IExpr f, ISymbol k, int lo) {
    if (!f.isPower() || !Trees.isHead(f.base(), S.Plus) || !f.exponent().isNumber() || !f.exponent().isReal()
        || !f.exponent().isNegative()) {
      return f;
    }
    Domains kDomain = Domains.NONE.with(k, new Domain.Real(Domain.Bound.closed(BigDecimal.valueOf(Math.max(lo, 1))),
        Domain.Bound.POS_INFINITY, true));
    SignProver signs = new SignProver(kDomain);
    IExpr largest = null;
    BigDecimal largestFarOut = null;
    for (IExpr a : Trees.args(f.base())) {
      if (!signs.proves(F.Greater(a, F.C0), List.of())) {
        return f;
      }
      BigDecimal farOut = real(Trees.substitute(a, Map.of(k, F.ZZ(64))));
      if (farOut == null) {
        return f;
      }
      if (largestFarOut == null || farOut.compareTo(largestFarOut) > 0) {
        largest = a;
        largestFarOut = farOut;
      }
    }
    return Trees.power(largest, f.exponent());
  }

  /** (-1)^g, Sin(g), Cos(g) with g a polynomial in k with real coefficients: at most 1 in absolute value. */
  private static boolean boundedByOne(IExpr f, ISymbol k) {
    IExpr g;
    if (f.isPower() && f.base().isMinusOne()) {
      g = f.exponent();
    } else if ((Trees.isHead(f, S.Sin) || Trees.isHead(f, S.Cos)) && f.argSize() == 1) {
      g = f.first();
    } else {
      return false;
    }
    return realPolynomial(g, k) != null;
  }

  /** The coefficients of p as a polynomial in k (all real numbers), or null. */
  private static List<IExpr> realPolynomial(IExpr p, ISymbol k) {
    IExpr isPolynomial = SymbolicProver.symja(F.PolynomialQ(p, k));
    if (isPolynomial == null || !isPolynomial.isTrue()) {
      return null;
    }
    IExpr list = SymbolicProver.symja(F.CoefficientList(p, k));
    if (!(list instanceof IAST coefficients) || !coefficients.isList()) {
      return null;
    }
    List<IExpr> out = Trees.args(coefficients);
    for (IExpr c : out) {
      if (!c.isRational()) {
        if (real(c) == null) {
          return null;
        }
      }
    }
    return out;
  }

  /** |R(k + 1)/R(k)| <= r < 1 for k >= N0, shown on the rational function the quotient simplifies to. */
  private static Tail ratioTail(IExpr majorant, ISymbol k, int lo, BigDecimal c) {
    IExpr next = Trees.substitute(majorant, Map.of(k, Trees.plus(k, F.C1)));
    IExpr quotient = SymbolicProver.symja(Trees.node(S.Together,
        new SpecialForms(stepwise.model.Domains.NONE, List.of()).rewrite(Trees.times(next, Trees.power(majorant, F.CN1)))));
    if (quotient == null) {
      return null;
    }
    IExpr[] fraction = fraction(quotient, k);
    if (fraction == null) {
      return null;
    }
    IExpr limit = SymbolicProver.symja(F.Limit(quotient, F.Rule(k, S.Infinity)));
    BigDecimal size = limit == null ? null : real(F.Abs(limit));
    if (size == null || size.compareTo(new BigDecimal("0.99")) > 0) {
      return null;
    }
    // r: a round fraction between |limit| and 1
    BigDecimal r = size.add(BigDecimal.ONE).divide(BigDecimal.valueOf(2), 3, RoundingMode.UP);
    IExpr rExact = F.fraction(r.unscaledValue(), BigInteger.TEN.pow(r.scale()));
    int from = firstStartBounded(fraction[0], fraction[1], rExact, k, lo);
    if (from < 0) {
      return null;
    }
    return new Tail() {
      @Override
      public int from() {
        return from;
      }

      @Override
      public BigDecimal at(int n) {
        BigDecimal at = real(F.Abs(Trees.substitute(majorant, Map.of(k, F.ZZ(n)))));
        return at == null ? null
            : c.multiply(at, UP).divide(BigDecimal.ONE.subtract(r), UP).multiply(new BigDecimal("1.000001"), UP);
      }

      @Override
      public String why() {
        return "the rest is at most " + (c.compareTo(BigDecimal.ONE) == 0 ? "" : show(c) + " ") + "|" + ExprPrinter.print(majorant) + "| at the first omitted k over (1 - "
            + r.toPlainString() + "): the ratio of consecutive terms is within " + r.toPlainString() + " for k >= " + from;
      }
    };
  }

  /** |R(k)| <= C/k^d (d >= 2) for k >= N0, R a rational function of k. */
  private static Tail powerTail(IExpr majorant, ISymbol k, int lo, BigDecimal c) {
    IExpr together = SymbolicProver.symja(Trees.node(S.Together, majorant));
    IExpr[] fraction = together == null ? null : fraction(together, k);
    if (fraction == null) {
      return null;
    }
    IExpr num = fraction[0];
    IExpr den = fraction[1];
    List<IExpr> top = realPolynomial(num, k);
    List<IExpr> bottom = realPolynomial(den, k);
    if (top == null || bottom == null) {
      return null;
    }
    int d = bottom.size() - top.size();
    if (d < 2) {
      return null;
    }
    BigDecimal lead = real(F.Abs(Trees.times(top.get(top.size() - 1), Trees.power(bottom.get(bottom.size() - 1), F.CN1))));
    if (lead == null) {
      return null;
    }
    if (real(bottom.get(bottom.size() - 1)).signum() < 0) {
      num = Trees.negate(num);
      den = Trees.negate(den);
    }
    IExpr kd = Trees.power(k, F.ZZ(d));
    // a little above the limit of k^d |R(k)| gives a tight tail but needs a later start; twice it starts sooner
    for (String factor : new String[] {"1.01", "2"}) {
      BigDecimal bound = lead.multiply(new BigDecimal(factor)).setScale(6, RoundingMode.UP).max(new BigDecimal("0.000001"));
      IExpr boundExact = F.fraction(bound.unscaledValue(), BigInteger.TEN.pow(bound.scale()));
      int from = firstStartBounded(Trees.times(kd, num), den, boundExact, k, lo);
      if (from > 0) {
        final int power = d;
        return new Tail() {
          @Override
          public int from() {
            return from;
          }

          @Override
          public BigDecimal at(int n) {
            BigDecimal nn = BigDecimal.valueOf(n);
            BigDecimal first = BigDecimal.ONE.divide(nn.pow(power), UP);
            BigDecimal integral = BigDecimal.ONE.divide(nn.pow(power - 1).multiply(BigDecimal.valueOf(power - 1)), UP);
            return c.multiply(bound, UP).multiply(first.add(integral), UP);
          }

          @Override
          public String why() {
            return "each omitted term is at most " + show(c.multiply(bound, UP)) + "/k^" + power + " for k >= " + from
                + ", so the rest is at most that at the first omitted k plus its integral from there";
          }
        };
      }
    }
    return null;
  }

  /**
   * The first start (from lo, doubling up to MAX_START later) from which den(k) > 0 and
   * |top(k)| <= bound * den(k) for every real k, proved on the polynomials; -1 when none is.
   */
  private static int firstStartBounded(IExpr top, IExpr den, IExpr bound, ISymbol k, int lo) {
    IExpr scaled = Trees.times(bound, den);
    for (int start = Math.max(lo, 1); start <= Math.max(lo, 1) + MAX_START; start *= 2) {
      if (positiveFrom(den, k, start, true)
          && positiveFrom(Trees.plus(scaled, Trees.negate(top)), k, start, false)
          && positiveFrom(Trees.plus(scaled, top), k, start, false)) {
        return start;
      }
    }
    return -1;
  }

  /** Numerator and denominator of a rational function of k (both polynomials), or null. */
  private static IExpr[] fraction(IExpr quotient, ISymbol k) {
    IExpr num = SymbolicProver.symja(F.Numerator(quotient));
    IExpr den = SymbolicProver.symja(F.Denominator(quotient));
    if (num == null || den == null || realPolynomial(num, k) == null || realPolynomial(den, k) == null) {
      return null;
    }
    return new IExpr[] {num, den};
  }

  /**
   * Whether p(k) >= 0 for every real k >= start (> 0 when strict): after k = start + u, every
   * coefficient in u is a nonnegative number (the constant one positive when strict).
   */
  private static boolean positiveFrom(IExpr p, ISymbol k, int start, boolean strict) {
    ISymbol u = UserSymbols.named("seriesShift");
    IExpr shifted = SymbolicProver.symja(Trees.node(S.Expand, Trees.substitute(p, Map.of(k, Trees.plus(F.ZZ(start), u)))));
    List<IExpr> coefficients = shifted == null ? null : realPolynomial(shifted, u);
    if (coefficients == null) {
      return false;
    }
    for (int j = 0; j < coefficients.size(); j++) {
      BigDecimal v = real(coefficients.get(j));
      if (v == null || v.signum() < 0 || strict && j == 0 && v.signum() == 0) {
        return false;
      }
    }
    return true;
  }

  // ---- partial sums

  /** The sum of the first terms, the bound on the rest, and the rounding of the addition. */
  private record Partial(BigDecimal value, BigDecimal tail, BigDecimal rounding, int terms) {}

  /**
   * Terms lo .. N-1 added at the given digits, N the first index from the tail's start on where
   * the bound is below 1e-14 of the sum (at most MAX_TERMS terms, fewer if time runs short), or
   * exactly the given count (a re-check of an earlier sum).
   */
  private static Partial partialSum(IExpr term, ISymbol k, int lo, Tail tail, Budget budget, int digits, int count) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal absolute = BigDecimal.ZERO;
    long started = System.nanoTime();
    int n = lo;
    while (true) {
      boolean longEnough = count >= 0 ? n - lo >= count : n - lo >= MAX_TERMS;
      // leave at least as much time as this took for the rest of the check
      boolean late = count < 0 && budget.remaining().toNanos() < (System.nanoTime() - started);
      if (n >= tail.from() && (count < 0 || longEnough)) {
        BigDecimal rest = tail.at(n);
        if (rest == null) {
          return null;
        }
        boolean small = count < 0 && rest.compareTo(new BigDecimal("1e-14").multiply(sum.abs().max(BigDecimal.ONE))) <= 0;
        if (small || longEnough || late) {
          BigDecimal rounding = absolute.multiply(BigDecimal.TEN.pow(3 - digits, MathContext.DECIMAL64), UP);
          return new Partial(sum, rest, rounding, n - lo);
        }
      } else if (longEnough) {
        return null; // a fixed count that ends before the bound starts
      }
      // a chunk of terms evaluated exactly in one Symja call, then read as decimals
      int chunk = n - lo < 32 ? 8 : 64;
      if (count >= 0) {
        chunk = Math.max(1, Math.min(chunk, count - (n - lo)));
      } else if (n < tail.from()) {
        chunk = Math.max(1, Math.min(chunk, tail.from() - n));
      }
      IExpr[] terms = new IExpr[chunk];
      for (int j = 0; j < chunk; j++) {
        terms[j] = Trees.substitute(term, Map.of(k, F.ZZ(n + j)));
      }
      try {
        // exact first (rational terms become one fraction each), then each value at the digits asked
        IExpr values = Cas.evaluate(F.List(terms));
        if (!(values instanceof IAST list) || list.argSize() != chunk) {
          return null;
        }
        for (IExpr x : Trees.args(list)) {
          BigDecimal v = x.isNumericFunction(true) ? Cas.decimal(x, digits) : null;
          if (v == null) {
            return null;
          }
          sum = sum.add(v);
          absolute = absolute.add(v.abs());
        }
      } catch (Cas.DeadlineExceeded e) {
        throw e;
      } catch (RuntimeException e) {
        return null;
      }
      n += chunk;
    }
  }

  // ---- numbers

  /** Below this a coefficient read at 40 digits may be cancellation noise (E^(10^-100) - 1 reads as 0). */
  private static final BigDecimal INDISTINCT = new BigDecimal("1e-30");

  /**
   * A real constant at 40 digits, or null; also null for a constant that is not exactly 0 but
   * that 40 digits cannot tell from 0: reading Tanh(600) - 1 or Sqrt(2) - 1.41421356237309504880168872420969807857
   * as 0 confirmed false pairs with a series on both sides.
   */
  private static BigDecimal real(IExpr constant) {
    try {
      IExpr v = SymbolicProver.symja(constant);
      if (v == null || !v.isNumericFunction(true)) {
        return null;
      }
      if (v.isZero()) {
        return BigDecimal.ZERO;
      }
      BigDecimal value = Cas.decimal(v, DIGITS);
      return value == null || value.abs().compareTo(INDISTINCT) < 0 ? null : value;
    } catch (RuntimeException e) {
      if (e instanceof Cas.DeadlineExceeded d) {
        throw d;
      }
      return null;
    }
  }

  private static String show(BigDecimal v) {
    BigDecimal r = v.round(new MathContext(16, RoundingMode.HALF_EVEN));
    return r.abs().compareTo(new BigDecimal("1e-4")) < 0 || r.abs().compareTo(new BigDecimal("1e12")) > 0
        ? String.format("%.15e", r) : r.stripTrailingZeros().toPlainString();
  }
}
