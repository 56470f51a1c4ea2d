package stepwise.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hipparchus.complex.Complex;
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
 * Draws sample points inside the declared domains: intervals (with points near their ends),
 * finite sets, integers (sizes like n mostly in 2..6), complex numbers (including the real and
 * imaginary axes, where branch cuts bite), probability vectors (uniform on the simplex), and
 * equality constraints such as a + b + c == 1 (one variable solved for, exactly). Points that
 * break a stated condition (x < y) are thrown away.
 */
final class Sampler {
  private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);
  private static final MathContext EXACT = new MathContext(60, RoundingMode.HALF_EVEN);
  private static final int MAX_ATTEMPTS_PER_POINT = 50;
  /** Share of real samples taken from the special values (0, bounds, tiny, huge). */
  private static final double SPECIAL_SHARE = 0.2;
  /** The largest magnitude of integers drawn far out (10^9: exact, and still a double). */
  private static final long MAX_FAR_INTEGER = 1_000_000_000L;
  /** The largest size drawn for the bound of a single sum (each term costs a high-precision re-check). */
  private static final long MAX_SUM_SIZE = 1200;

  private final Domains domains;
  private final SplittableRandom random;
  private final List<ISymbol> scalars = new ArrayList<>();
  private final Set<ISymbol> sizes = new HashSet<>();
  private final List<ISymbol> families = new ArrayList<>();
  private final List<Obligation.Iteration> within;
  private final Map<ISymbol, Linear> solved = new LinkedHashMap<>();
  private final Set<ISymbol> keepFree;
  /** Values of a variable where the expressions switch, and their neighbours (see collectBreakpoints). */
  private final Map<ISymbol, List<Point.Value>> breakpoints = new LinkedHashMap<>();
  private static final double BREAKPOINT_SHARE = 0.1;
  private static final MathContext DIGITS_20 = new MathContext(20, RoundingMode.HALF_EVEN);
  /** Sizes of families: kept small, a counterexample lists every member. */
  private final Set<ISymbol> familySizes = new HashSet<>();
  /** Sizes of two-index families: 1..MAX_GRID_SIDE (1x2 and 2x1 tell the indices apart), since sums over both indices, with marginals inside, grow with the cube of the side and must fit a 5 s check on a loaded machine. */
  private final Set<ISymbol> gridSizes = new HashSet<>();
  private static final long MAX_GRID_SIDE = 2;
  /** Whether a sum or product sits inside another (large bounds would multiply the work). */
  private boolean nested;
  /** How many points have been drawn; the first ones are the corners. */
  private int drawn;
  /**
   * The first points put every variable at the same value, where statements such as
   * (x - y)^2 > 0 or x^2 + y^2 > 0 break and independent draws almost never land.
   */
  private static final BigDecimal[] CORNERS = {BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE.negate(),
      new BigDecimal("0.5"), BigDecimal.valueOf(2)};
  /** Share of points (after the corners) with all variables equal, and with one pair equal. */
  private static final double ALL_EQUAL_SHARE = 0.05;
  private static final double PAIR_EQUAL_SHARE = 0.05;

  /** Families whose members must add up to a given positive total (Sum(p(i), {i, 1, n}) == 1). */
  private final Map<ISymbol, BigDecimal> totals = new LinkedHashMap<>();

  /** Thrown when the domain cannot be sampled (an unsolvable constraint, too many rejections). */
  static final class Unsampleable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsampleable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A solved variable: v = constant + sum of coefficient * variable with exact coefficients, or
   * (when the solution is not of that form) v = expression, evaluated in high precision.
   */
  private record Linear(BigDecimal constant, Map<ISymbol, BigDecimal> coefficients, IExpr expression, boolean linear) {}

  Sampler(Domains domains, Collection<IExpr> expressions, List<Obligation.Iteration> within, long seed) {
    this(domains, expressions, within, seed, Set.of());
  }

  /**
   * keepFree: variables an equality constraint should not be solved for when another choice
   * exists (to vary Q while the constraint moves its partner, solve for the partner).
   */
  Sampler(Domains domains, Collection<IExpr> expressions, List<Obligation.Iteration> within, long seed,
      Set<ISymbol> keepFree) {
    this.keepFree = keepFree;
    this.domains = domains;
    this.within = within;
    this.random = new SplittableRandom(seed);
    Set<ISymbol> free = new LinkedHashSet<>();
    for (IExpr e : expressions) {
      collectFree(e, new HashSet<>(), free);
    }
    for (Obligation.Iteration it : within) {
      collectFree(it.lo(), new HashSet<>(), free);
      collectFree(it.hi(), new HashSet<>(), free);
      free.remove(it.index());
    }
    // a name the expressions bind (Sum over i) is not drawn for a constraint that mentions it
    // free (1 <= i, from a claim using a family's index i outside a sum): its value would be
    // put into the sum that binds it
    Set<ISymbol> boundNames = new HashSet<>();
    for (IExpr e : expressions) {
      Trees.walk(e, (path, sub) -> {
        Obligation.Iteration it = Places.iterationOf(sub);
        if (it != null && !free.contains(it.index())) {
          boundNames.add(it.index());
        }
      });
    }
    // families bring the symbols of their ranges; constraints bring their other variables
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ISymbol s : List.copyOf(free)) {
        if (domains.of(s) instanceof Domain.Family f) {
          List<IExpr> bounds = f.second() == null ? List.of(f.lo(), f.hi())
              : List.of(f.lo(), f.hi(), f.second().lo(), f.second().hi());
          for (IExpr bound : bounds) {
            for (ISymbol b : Trees.symbols(bound)) {
              if (UserSymbols.isUser(b) && free.add(b)) {
                grew = true;
              }
              sizes.add(b);
              familySizes.add(b);
              if (f.second() != null) {
                gridSizes.add(b);
              }
            }
          }
        }
      }
      List<IExpr> constraints = new ArrayList<>(domains.equalities());
      constraints.addAll(domains.conditions());
      for (IExpr eq : constraints) {
        Set<ISymbol> vars = new LinkedHashSet<>();
        collectFree(eq, new HashSet<>(), vars); // a summation index of a constraint is not a variable
        vars.removeAll(boundNames);
        if (vars.stream().anyMatch(free::contains) && free.addAll(vars)) {
          grew = true;
        }
      }
    }
    for (Obligation.Iteration it : within) {
      for (ISymbol b : Trees.symbols(it.hi())) {
        sizes.add(b);
      }
    }
    for (IExpr e : expressions) {
      nested |= nestedIteration(e, false);
      Trees.walk(e, (path, sub) -> {
        Obligation.Iteration it = Places.iterationOf(sub);
        if (it != null) {
          sizes.addAll(userSymbols(it.lo()));
          sizes.addAll(userSymbols(it.hi()));
        }
      });
    }
    for (ISymbol s : free) {
      if (domains.of(s) instanceof Domain.Family) {
        families.add(s);
      } else {
        scalars.add(s);
      }
    }
    for (IExpr eq : domains.equalities()) {
      solve(eq);
    }
    scalars.removeAll(solved.keySet());
    for (IExpr e : expressions) {
      collectBreakpoints(e);
    }
  }

  /**
   * Where the expressions jump or switch: a comparison (Piecewise({{1, n == 37}}, 0)), an
   * integer part (Floor(x + 10^-10) at x = k - 10^-10), a sign, absolute value, maximum or
   * minimum, when linear in one variable. A difference that lives at a single point is only
   * found by sampling that point, and at its neighbours.
   */
  private void collectBreakpoints(IExpr e) {
    Trees.walk(e, (path, sub) -> {
      if (!(sub instanceof IAST ast)) {
        return;
      }
      IExpr h = ast.head();
      List<IExpr[]> equalities = new ArrayList<>();
      if (ast.argSize() == 2 && (h.equals(S.Equal) || h.equals(S.Unequal) || h.equals(S.Less) || h.equals(S.LessEqual)
          || h.equals(S.Greater) || h.equals(S.GreaterEqual) || h.equals(S.Max) || h.equals(S.Min))) {
        equalities.add(new IExpr[] {ast.arg1(), ast.arg2()});
      } else if (ast.argSize() == 1 && (h.equals(S.Floor) || h.equals(S.Ceiling) || h.equals(S.Round)
          || h.equals(S.IntegerPart) || h.equals(S.FractionalPart))) {
        for (int k = -1; k <= 2; k++) {
          equalities.add(new IExpr[] {ast.arg1(), org.matheclipse.core.expression.F.ZZ(k)});
        }
      } else if (ast.argSize() == 1 && (h.equals(S.Sign) || h.equals(S.Abs) || h.equals(S.UnitStep)
          || h.equals(S.HeavisideTheta))) {
        equalities.add(new IExpr[] {ast.arg1(), org.matheclipse.core.expression.F.C0});
      }
      for (IExpr[] eq : equalities) {
        if (userSymbols(Trees.plus(eq[0], Trees.negate(eq[1]))).stream().filter(scalars::contains).count() != 1) {
          continue;
        }
        try {
          Constraints.solve(org.matheclipse.core.expression.F.Equal(eq[0], eq[1]), scalars::contains)
              .ifPresent(sol -> addBreakpoint(sol.variable(), sol.value()));
        } catch (RuntimeException ex) {
          // not solvable here: no breakpoint
        }
      }
    });
  }

  private void addBreakpoint(ISymbol v, IExpr at) {
    if (!userSymbols(at).isEmpty() || !at.isNumericFunction(true) || breakpoints.getOrDefault(v, List.of()).size() > 40) {
      return;
    }
    Point.Value exact = Point.Value.of(at);
    if (exact == null) {
      return;
    }
    BigDecimal approx = exact.re();
    List<Point.Value> list = breakpoints.computeIfAbsent(v, k -> new ArrayList<>());
    list.add(exact);
    BigDecimal step = domains.of(v) instanceof Domain.Real r && r.integer() ? BigDecimal.ONE
        : approx.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
    list.add(Point.Value.real(approx.add(step).round(DIGITS_20)));
    list.add(Point.Value.real(approx.subtract(step).round(DIGITS_20)));
  }



  private static boolean nestedIteration(IExpr e, boolean inside) {
    if (!(e instanceof IAST ast)) {
      return false;
    }
    boolean iteration = Places.iterationOf(e) != null;
    if (iteration && inside) {
      return true;
    }
    for (IExpr arg : Trees.args(ast)) {
      if (nestedIteration(arg, inside || iteration)) {
        return true;
      }
    }
    return false;
  }

  private static Set<ISymbol> userSymbols(IExpr e) {
    Set<ISymbol> out = new LinkedHashSet<>();
    for (ISymbol s : Trees.symbols(e)) {
      if (UserSymbols.isUser(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Free user symbols and family heads (summation indices are bound, not free). */
  static void collectFree(IExpr e, Set<ISymbol> bound, Set<ISymbol> out) {
    if (e instanceof ISymbol s) {
      if (UserSymbols.isUser(s) && !bound.contains(s)) {
        out.add(s);
      }
      return;
    }
    if (!(e instanceof IAST ast)) {
      return;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    if (it != null) {
      collectFree(it.lo(), bound, out);
      collectFree(it.hi(), bound, out);
      Set<ISymbol> inner = new HashSet<>(bound);
      inner.add(it.index());
      collectFree(ast.arg1(), inner, out);
      return;
    }
    collectFree(ast.head(), bound, out);
    for (IExpr arg : Trees.args(ast)) {
      collectFree(arg, bound, out);
    }
  }

  /** Picks a variable the equality is linear in and solves for it, keeping exact coefficients. */
  private void solve(IExpr equality) {
    if (familyTotal(equality)) {
      return;
    }
    var solution = Constraints.solve(equality, v -> !solved.containsKey(v) && scalars.contains(v) && !keepFree.contains(v))
        .or(() -> Constraints.solve(equality, v -> !solved.containsKey(v) && scalars.contains(v)));
    if (solution.isEmpty()) {
      throw new Unsampleable("cannot sample the constraint " + ExprPrinter.print(equality)
          + " (it must be linear in one of its variables, with a numeric coefficient)");
    }
    IExpr value = solution.get().value();
    Map<ISymbol, BigDecimal> coefficients = new LinkedHashMap<>();
    Map<IExpr, IExpr> zero = new LinkedHashMap<>();
    boolean linear = true;
    for (ISymbol x : userSymbols(value)) {
      IExpr c = Cas.evaluate(Trees.node(S.D, value, x));
      if (!c.isNumber() || !c.isReal()) {
        linear = false;
        break;
      }
      coefficients.put(x, decimal(c));
      zero.put(x, org.matheclipse.core.expression.F.C0);
    }
    IExpr constant = linear ? Cas.evaluate(Trees.substitute(value, zero)) : null;
    if (linear && constant.isNumber()) {
      solved.put(solution.get().variable(), new Linear(decimal(constant), coefficients, value, true));
    } else {
      solved.put(solution.get().variable(), new Linear(null, Map.of(), value, false));
    }
  }

  /**
   * Sum(f(i), {i, lo, hi}) == c over a family's own range, with c a positive number: the family
   * is drawn as c times a probability vector, so the constraint holds exactly at every point.
   */
  private boolean familyTotal(IExpr equality) {
    if (!Trees.isHead(equality, S.Equal) || equality.argSize() != 2) {
      return false;
    }
    for (int side = 1; side <= 2; side++) {
      IExpr sum = equality.getAt(side);
      IExpr total = equality.getAt(3 - side);
      Obligation.Iteration it = Places.iterationOf(sum);
      if (it == null || !Trees.isHead(sum, S.Sum) || !total.isNumber() || !total.isReal() || !total.isPositive()) {
        continue;
      }
      IExpr body = sum.getAt(1);
      if (!(body instanceof org.matheclipse.core.interfaces.IAST member) || member.argSize() != 1
          || !member.arg1().equals(it.index()) || !(member.head() instanceof ISymbol f)) {
        continue;
      }
      Domain.Family family = domains.family(f);
      if (family == null || !families.contains(f) || !family.lo().equals(it.lo()) || !family.hi().equals(it.hi())) {
        continue;
      }
      totals.put(f, decimal(total));
      return true;
    }
    return false;
  }

  private static BigDecimal decimal(IExpr number) {
    if (number instanceof org.matheclipse.core.interfaces.IFraction f) {
      return new BigDecimal(f.toBigNumerator()).divide(new BigDecimal(f.toBigDenominator()), EXACT);
    }
    if (number instanceof org.matheclipse.core.interfaces.IInteger i) {
      return new BigDecimal(i.toBigNumerator());
    }
    return new BigDecimal(number.evalf());
  }

  boolean isEmpty() {
    return scalars.isEmpty() && families.isEmpty() && within.isEmpty() && solved.isEmpty();
  }

  /** The symbols a point gives values to, for reports. */
  List<ISymbol> variables() {
    List<ISymbol> out = new ArrayList<>(scalars);
    out.addAll(solved.keySet());
    out.addAll(families);
    return out;
  }

  Point next() {
    for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_POINT; attempt++) {
      Point p = attempt();
      if (p != null) {
        return p;
      }
    }
    throw new Unsampleable("no point satisfies the domains and conditions after " + MAX_ATTEMPTS_PER_POINT + " tries");
  }

  private Point attempt() {
    BigDecimal corner = drawn < CORNERS.length ? CORNERS[drawn] : null;
    drawn++;
    double u = random.nextDouble();
    boolean allEqual = corner == null && u < ALL_EQUAL_SHARE;
    boolean pairEqual = corner == null && !allEqual && u < ALL_EQUAL_SHARE + PAIR_EQUAL_SHARE;
    Map<ISymbol, Point.Value> values = new LinkedHashMap<>();
    Point.Value shared = null;
    List<ISymbol> plain = new ArrayList<>();
    for (ISymbol s : scalars) {
      Domain d = domains.of(s);
      Point.Value v = null;
      if (!sizes.contains(s)) {
        plain.add(s);
        if (corner != null) {
          v = fit(Point.Value.real(corner), d);
        } else if (allEqual && shared != null) {
          v = fit(shared, d);
        }
      }
      if (v == null) {
        v = sample(s, d);
      }
      if (allEqual && shared == null && !sizes.contains(s)) {
        shared = v;
      }
      values.put(s, v);
    }
    if (pairEqual && plain.size() >= 2) {
      int i = random.nextInt(plain.size());
      int j = random.nextInt(plain.size() - 1);
      ISymbol target = plain.get(j >= i ? j + 1 : j);
      Point.Value v = fit(values.get(plain.get(i)), domains.of(target));
      if (v != null) {
        values.put(target, v);
      }
    }
    drawWithinUpperBounds(values);
    Map<ISymbol, TreeMap<Integer, Point.Value>> members = new LinkedHashMap<>();
    Point partial = new Point(values, members);
    for (ISymbol f : families) {
      Domain.Family family = (Domain.Family) domains.of(f);
      if (family.second() != null) {
        TreeMap<Integer, Point.Value> grid = grid(family, partial);
        if (grid == null) {
          return null;
        }
        members.put(f, grid);
        continue;
      }
      Integer lo = integerAt(family.lo(), partial);
      Integer hi = integerAt(family.hi(), partial);
      if (lo == null || hi == null || hi - lo > 1000) {
        return null;
      }
      members.put(f, family.sumsToOne() ? simplex(lo, hi)
          : totals.containsKey(f) ? scaled(simplex(lo, hi), totals.get(f), family.element())
          : vector(lo, hi, family.element()));
      if (members.get(f) == null) {
        return null;
      }
    }
    for (Obligation.Iteration it : within) {
      Integer lo = integerAt(it.lo(), new Point(values, members));
      Integer hi = integerAt(it.hi(), new Point(values, members));
      if (lo == null || hi == null || hi < lo) {
        return null;
      }
      values.put(it.index(), Point.Value.integer(new BigDecimal(lo + random.nextInt(hi - lo + 1))));
    }
    return complete(values, members);
  }

  /** Fills in the constraint-solved variables and applies the filters; null if rejected. */
  Point complete(Map<ISymbol, Point.Value> values, Map<ISymbol, TreeMap<Integer, Point.Value>> members) {
    Map<ISymbol, Point.Value> all = new LinkedHashMap<>(values);
    for (var e : solved.entrySet()) {
      BigDecimal re;
      BigDecimal im = BigDecimal.ZERO;
      Linear solution = e.getValue();
      IExpr symbolic = exactly(solution.expression(), all, members);
      if (!solution.linear()) {
        IExpr v = Precise.at(solution.expression(), new Point(all, members), 60);
        if (v == null || !v.isNumber()) {
          return null;
        }
        try {
          // a complex solution is kept where the variable is complex (x == y^2 at y = I)
          re = Cas.decimal(v.isReal() ? v : Trees.node(S.Re, v), EXACT.getPrecision());
          im = v.isReal() ? BigDecimal.ZERO : Cas.decimal(Trees.node(S.Im, v), EXACT.getPrecision());
          if (re == null || im == null) {
            return null;
          }
        } catch (NumberFormatException ex) {
          return null;
        }
      } else {
        re = solution.constant();
        for (var c : solution.coefficients().entrySet()) {
          Point.Value x = all.get(c.getKey());
          if (x == null) {
            return null;
          }
          re = re.add(c.getValue().multiply(x.re(), EXACT), EXACT);
          im = im.add(c.getValue().multiply(x.im(), EXACT), EXACT);
        }
      }
      Domain domain = domains.of(e.getKey());
      if ((im.signum() != 0 && domain instanceof Domain.Real) || (im.signum() == 0 && !inDomain(re.doubleValue(), domain))) {
        return null;
      }
      all.put(e.getKey(), symbolic != null && !(domain instanceof Domain.Real r && r.integer())
          ? new Point.Value(re, im, false, symbolic) : new Point.Value(re, im));
    }
    Point point = new Point(all, members);
    Set<ISymbol> known = new HashSet<>(all.keySet());
    known.addAll(members.keySet());
    for (IExpr condition : domains.conditions()) {
      for (IExpr instance : point.instances(condition, domains)) {
        Set<ISymbol> used = userSymbols(instance);
        if (!known.containsAll(used)) {
          if (used.stream().anyMatch(members::containsKey)) {
            return null; // about sampled members, with an index it cannot take in turn (p(i, j) <= c): never ignored
          }
          continue; // about variables this check does not use
        }
        Boolean ok;
        try {
          ok = Truth.holdsNumerically(instance, point);
        } catch (Numeric.NotNumeric e) {
          ok = null;
        }
        if (ok == null || !ok) {
          return null;
        }
      }
    }
    return point;
  }

  /**
   * A solved variable's value as an exact constant (3*y == x gives y = x/3, y == Pi*x gives
   * Pi*x): with the other variables' exact values put in; null if Symja cannot do it at once.
   */
  private static IExpr exactly(IExpr solution, Map<ISymbol, Point.Value> values,
      Map<ISymbol, TreeMap<Integer, Point.Value>> members) {
    if (!members.isEmpty() && !Trees.symbols(solution).stream().noneMatch(members::containsKey)) {
      return null;
    }
    Map<IExpr, IExpr> exact = new LinkedHashMap<>();
    values.forEach((k, v) -> exact.put(k, v.exact()));
    try {
      IExpr v = Cas.withDeadline(java.time.Duration.ofSeconds(1), () -> Cas.evaluate(Trees.substitute(solution, exact)));
      return v.isNumericFunction(true) ? v : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** Whether every value lies in its variable's declared domain. */
  boolean inDomains(Map<ISymbol, Point.Value> values) {
    for (var e : values.entrySet()) {
      if (fit(e.getValue(), domains.of(e.getKey())) == null) {
        return false;
      }
    }
    return true;
  }

  boolean isSolved(ISymbol s) {
    return solved.containsKey(s);
  }

  /** Whether s sets the size of a family or a summation range (so changing it alone is wrong). */
  boolean isSize(ISymbol s) {
    return sizes.contains(s);
  }

  private static boolean inDomain(double v, Domain d) {
    if (d instanceof Domain.Real r) {
      return r.contains(v);
    }
    return !(d instanceof Domain.Finite);
  }

  private Integer integerAt(IExpr e, Point p) {
    try {
      Complex c = new Numeric(p).eval(e);
      double re = c.getReal();
      if (Math.abs(re - Math.rint(re)) > 1e-9 || Math.abs(c.getImaginary()) > 1e-9) {
        return null;
      }
      return (int) Math.rint(re);
    } catch (Numeric.NotNumeric ex) {
      return null;
    }
  }

  /**
   * An integer variable with a condition v <= h (a family index used free: 1 <= i, i <= n) is
   * drawn again, uniformly between its domain's lower end and h at this point: independent
   * draws of i and n rarely agree, and two free indices (p(i, j)) would exhaust the tries.
   */
  private void drawWithinUpperBounds(Map<ISymbol, Point.Value> values) {
    for (IExpr c : domains.conditions()) {
      if (!Trees.isHead(c, S.LessEqual) || c.argSize() != 2 || !(c.getAt(1) instanceof ISymbol v)
          || !values.containsKey(v) || sizes.contains(v) || !(domains.of(v) instanceof Domain.Real r) || !r.integer()
          || r.lower().value() == null || Trees.symbols(c.getAt(2)).contains(v)
          || !values.keySet().containsAll(userSymbols(c.getAt(2)))) {
        continue;
      }
      Integer hi = integerAt(c.getAt(2), new Point(values, Map.of()));
      long lo = r.lower().value().setScale(0, RoundingMode.CEILING).longValue()
          + (r.lower().open() && r.lower().value().stripTrailingZeros().scale() <= 0 ? 1 : 0);
      if (hi != null && lo <= hi && hi - lo < 1_000_000) {
        values.put(v, Point.Value.integer(BigDecimal.valueOf(lo + random.nextLong(hi - lo + 1))));
      }
    }
  }

  /**
   * The members of a two-index family (a matrix) at the sampled sizes: for a joint distribution
   * a probability vector over all its cells (uniform on the simplex), else each entry drawn
   * from the element domain; null if a range is not a small integer range here.
   */
  private Point.Grid grid(Domain.Family family, Point partial) {
    Integer lo = integerAt(family.lo(), partial);
    Integer hi = integerAt(family.hi(), partial);
    Integer lo2 = integerAt(family.second().lo(), partial);
    Integer hi2 = integerAt(family.second().hi(), partial);
    if (lo == null || hi == null || lo2 == null || hi2 == null || (long) (hi - lo + 1) * (hi2 - lo2 + 1) > 1000
        || Point.memberKey(lo, lo2) == null || Point.memberKey(hi, hi2) == null) {
      return null;
    }
    int rows = Math.max(0, hi - lo + 1);
    int columns = Math.max(0, hi2 - lo2 + 1);
    TreeMap<Integer, Point.Value> cells = family.sumsToOne() ? simplex(0, rows * columns - 1)
        : vector(0, rows * columns - 1, family.element());
    if (cells == null) {
      return null;
    }
    Point.Grid out = new Point.Grid();
    cells.forEach((cell, v) -> out.put(Point.memberKey(lo + cell / columns, lo2 + cell % columns), v));
    return out;
  }

  private TreeMap<Integer, Point.Value> simplex(int lo, int hi) {
    int m = hi - lo + 1;
    if (m < 1) {
      return new TreeMap<>();
    }
    if (random.nextDouble() < 0.1 && uniformShare(m) != null) {
      TreeMap<Integer, Point.Value> uniform = new TreeMap<>();
      for (int k = lo; k <= hi; k++) {
        uniform.put(k, Point.Value.real(uniformShare(m)));
      }
      return uniform;
    }
    double[] w = new double[m];
    double total = 0;
    for (int k = 0; k < m; k++) {
      w[k] = -Math.log(1 - random.nextDouble());
      total += w[k];
    }
    TreeMap<Integer, Point.Value> out = new TreeMap<>();
    BigDecimal rest = BigDecimal.ONE;
    for (int k = 0; k < m - 1; k++) {
      BigDecimal v = new BigDecimal(w[k] / total).setScale(12, RoundingMode.HALF_EVEN);
      if (v.signum() <= 0) {
        return null;
      }
      out.put(lo + k, Point.Value.real(v));
      rest = rest.subtract(v);
    }
    if (rest.signum() <= 0) {
      return null;
    }
    out.put(hi, Point.Value.real(rest));
    return out;
  }

  /** Each member times the total, or null if one then falls outside the element domain. */
  private static TreeMap<Integer, Point.Value> scaled(TreeMap<Integer, Point.Value> members, BigDecimal total,
      Domain element) {
    if (members == null) {
      return null;
    }
    TreeMap<Integer, Point.Value> out = new TreeMap<>();
    for (var e : members.entrySet()) {
      Point.Value v = fit(Point.Value.real(e.getValue().re().multiply(total)), element);
      if (v == null) {
        return null;
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** 1/m as a finite decimal, or null (1/3 has none). */
  private static BigDecimal uniformShare(int m) {
    try {
      return BigDecimal.ONE.divide(BigDecimal.valueOf(m));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The value as a value of domain d (an integer for integer domains), or null if outside it. */
  private static Point.Value fit(Point.Value v, Domain d) {
    if (d instanceof Domain.Finite f) {
      if (!v.isReal()) {
        return null;
      }
      for (IExpr x : f.values()) {
        if (x.isNumber() && x.isReal() && decimal(x).compareTo(v.re()) == 0) {
          return x.isInteger() && f.values().stream().allMatch(IExpr::isInteger) ? Point.Value.integer(v.re())
              : Point.Value.real(v.re());
        }
      }
      return null;
    }
    if (d instanceof Domain.Real r) {
      if (!v.isReal() || !r.contains(v.re())) {
        return null;
      }
      return r.integer() ? Point.Value.integer(v.re().setScale(0, RoundingMode.UNNECESSARY))
          : v.symbolic() != null ? v : Point.Value.real(v.re());
    }
    return d instanceof Domain.Family ? null : v.symbolic() != null ? v : new Point.Value(v.re(), v.im());
  }

  private TreeMap<Integer, Point.Value> vector(int lo, int hi, Domain element) {
    TreeMap<Integer, Point.Value> out = new TreeMap<>();
    Point.Value same = random.nextDouble() < 0.15 ? sample(null, element) : null; // all members equal
    for (int k = lo; k <= hi; k++) {
      out.put(k, same != null ? same : sample(null, element));
    }
    return out;
  }

  private Point.Value sample(ISymbol s, Domain d) {
    List<Point.Value> at = s == null ? null : breakpoints.get(s);
    if (at != null && random.nextDouble() < BREAKPOINT_SHARE) {
      Point.Value v = fit(at.get(random.nextInt(at.size())), d);
      if (v != null) {
        return v;
      }
    }
    if (d instanceof Domain.Finite f) {
      IExpr v = f.values().get(random.nextInt(f.values().size()));
      boolean integers = f.values().stream().allMatch(IExpr::isInteger);
      return integers ? Point.Value.integer(decimal(v)) : Point.Value.real(decimal(v));
    }
    if (d instanceof Domain.Real r && r.integer() && s != null && gridSizes.contains(s)) {
      BigDecimal side = gridSide(r);
      if (side != null) {
        return Point.Value.integer(side);
      }
    }
    if (d instanceof Domain.Real r) {
      return r.integer() ? Point.Value.integer(integer(r, s != null && sizes.contains(s), s != null && familySizes.contains(s)))
          : real(r);
    }
    return complex();
  }

  private BigDecimal integer(Domain.Real r, boolean size, boolean familySize) {
    long lo = r.lower().value() == null ? Long.MIN_VALUE
        : r.lower().value().setScale(0, RoundingMode.CEILING).longValue() + (r.lower().open()
            && r.lower().value().stripTrailingZeros().scale() <= 0 ? 1 : 0);
    long hi = r.upper().value() == null ? Long.MAX_VALUE
        : r.upper().value().setScale(0, RoundingMode.FLOOR).longValue() - (r.upper().open()
            && r.upper().value().stripTrailingZeros().scale() <= 0 ? 1 : 0);
    double u = random.nextDouble();
    if (size) {
      // mostly 2..6; sometimes larger: n(n+1)/2 + Floor(n/1000) is wrong only from 1000 on.
      // A family's size stays small (a counterexample lists every member), and so does a
      // bound of nested sums, whose work grows with its square.
      long most = familySize || nested ? 30 : MAX_SUM_SIZE;
      if (u < 0.05 && lo > Long.MIN_VALUE && lo < 2) {
        return BigDecimal.valueOf(lo); // the smallest size: an empty sum, a single member
      }
      if (u < 0.12 && lo < 0 && !familySize) {
        long a = Math.max(lo, -10); // a sum over 1..n with n < 0 is empty: closed forms fail there
        return BigDecimal.valueOf(a + random.nextLong(-a));
      }
      if (u >= 0.97 && most > 30 && lo <= 1000 && hi >= 1000) {
        return BigDecimal.valueOf(random.nextBoolean() ? 1000 : 100); // round sizes, where thresholds sit
      }
      long a = Math.max(lo, 2);
      long b = Math.min(hi, u < 0.85 ? 6 : u < 0.95 ? Math.min(30, most) : most);
      if (a <= b) {
        return BigDecimal.valueOf(u < 0.95 ? a + random.nextLong(b - a + 1) : logUniform(a, b));
      }
    }
    if (u < SPECIAL_SHARE) {
      List<BigDecimal> special = new ArrayList<>();
      for (long v : new long[] {0, 1, -1, 2, -2, 10, -10, 100, 1000, 1_000_000, lo, lo + 1, hi, hi - 1}) {
        if (v >= lo && v <= hi && v != Long.MIN_VALUE && v != Long.MAX_VALUE) {
          special.add(BigDecimal.valueOf(v));
        }
      }
      if (!special.isEmpty()) {
        return special.get(random.nextInt(special.size()));
      }
    }
    boolean far = u > 0.7; // a third far out, on a log scale: n! <= 10^20 fails only from 22 on
    if (lo == Long.MIN_VALUE && hi == Long.MAX_VALUE) {
      return BigDecimal.valueOf(far ? (random.nextBoolean() ? 1 : -1) * logUniform(11, MAX_FAR_INTEGER)
          : random.nextLong(21) - 10);
    }
    if (lo == Long.MIN_VALUE) {
      return BigDecimal.valueOf(far ? hi - logUniform(13, MAX_FAR_INTEGER) : hi - random.nextLong(13));
    }
    if (hi == Long.MAX_VALUE) {
      return BigDecimal.valueOf(far ? lo + logUniform(13, MAX_FAR_INTEGER) : lo + random.nextLong(13));
    }
    if (far && hi - lo > 100) {
      return BigDecimal.valueOf(lo + logUniform(1, hi - lo));
    }
    return BigDecimal.valueOf(lo + random.nextLong(hi - lo + 1));
  }

  /** A side of a two-index family: an integer in the domain within 1..MAX_GRID_SIDE, or null if none is. */
  private BigDecimal gridSide(Domain.Real r) {
    List<Long> sides = new ArrayList<>();
    for (long v = 1; v <= MAX_GRID_SIDE; v++) {
      if (r.contains(BigDecimal.valueOf(v))) {
        sides.add(v);
      }
    }
    return sides.isEmpty() ? null : BigDecimal.valueOf(sides.get(random.nextInt(sides.size())));
  }

  /** An integer in [a, b] whose logarithm is uniform. */
  private long logUniform(long a, long b) {
    double x = Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * random.nextDouble());
    return Math.max(a, Math.min(b, Math.round(x)));
  }

  /** The closed ends of the interval that no decimal can hit (3/7), as exact values. */
  private static List<Point.Value> exactEnds(Domain.Real r) {
    List<Point.Value> out = new ArrayList<>();
    for (Domain.Bound b : List.of(r.lower(), r.upper())) {
      if (b.value() != null && b.exact() != null && !b.open()) {
        out.add(Point.Value.symbolic(b.exact(), b.value()));
      }
    }
    return out;
  }

  private Point.Value real(Domain.Real r) {
    if (random.nextDouble() < SPECIAL_SHARE) {
      List<BigDecimal> special = specialValues(r);
      List<Point.Value> exactEnds = exactEnds(r);
      int k = random.nextInt(special.size() + exactEnds.size() + 1);
      if (k < special.size()) {
        return Point.Value.real(special.get(k));
      }
      if (k < special.size() + exactEnds.size()) {
        return exactEnds.get(k - special.size());
      }
    }
    for (int tries = 0; tries < 100; tries++) {
      double x = rawReal(r);
      if (!Double.isFinite(x)) {
        continue; // far beyond a huge bound (10^300 + 10^318): doubles cannot hold it
      }
      BigDecimal v = new BigDecimal(x).round(DIGITS);
      if (r.contains(v.doubleValue()) && (r.lower().value() == null || !r.lower().open() || v.compareTo(r.lower().value()) > 0)
          && (r.upper().value() == null || !r.upper().open() || v.compareTo(r.upper().value()) < 0)) {
        return Point.Value.real(v);
      }
    }
    throw new Unsampleable("cannot draw a value in " + r.describe());
  }

  /**
   * Values where identities and inequalities tend to break: 0, +-1, +-2, +-1/2, tiny and huge
   * magnitudes, and points just inside each finite bound; only those inside the domain.
   */
  private static List<BigDecimal> specialValues(Domain.Real r) {
    List<BigDecimal> candidates = new ArrayList<>();
    for (String v : new String[] {"0", "1", "-1", "2", "-2", "0.5", "-0.5", "1e-3", "-1e-3", "1e-6", "-1e-6", "1e-9",
        "-1e-9", "1e3", "-1e3", "1e6", "-1e6", "1e9", "-1e9", "1e12", "-1e12", "1e15", "-1e15", "1e20", "-1e20",
        "1e30", "-1e30", "1e50", "1e100", "-1e100"}) {
      candidates.add(new BigDecimal(v));
    }
    for (Domain.Bound b : List.of(r.lower(), r.upper())) {
      if (b.value() != null) {
        BigDecimal scale = b.value().abs().max(BigDecimal.ONE);
        for (String eps : new String[] {"0", "1e-9", "1e-6", "1e-3"}) {
          for (BigDecimal size : List.of(scale, b.value().abs())) { // x > -10^-20: also -0.999999999*10^-20
            BigDecimal e = size.multiply(new BigDecimal(eps));
            candidates.add(b.value().add(e));
            candidates.add(b.value().subtract(e));
          }
        }
      }
    }
    List<BigDecimal> inside = new ArrayList<>();
    for (BigDecimal c : candidates) {
      if (r.contains(c) && !inside.contains(c)) {
        inside.add(c);
      }
    }
    return inside;
  }

  private double rawReal(Domain.Real r) {
    Double lo = r.lower().value() == null ? null : r.lower().value().doubleValue();
    Double hi = r.upper().value() == null ? null : r.upper().value().doubleValue();
    double u = random.nextDouble();
    if (lo != null && hi != null) {
      double width = hi - lo;
      if (u < 0.08) {
        return lo + width * Math.pow(10, -1 - 3 * random.nextDouble());
      }
      if (u < 0.16) {
        return hi - width * Math.pow(10, -1 - 3 * random.nextDouble());
      }
      return lo + width * random.nextDouble();
    }
    // one draw in eight on a log scale from 10^-30 to 10^30: Min(x, 10^15) = x fails only beyond 10^15
    double spread = u > 0.875 ? Math.pow(10, -30 + 60 * random.nextDouble()) : Math.exp(-4 + 8 * random.nextDouble());
    u = random.nextDouble();
    if (lo != null) {
      return lo + spread * Math.max(1, Math.abs(lo) * 1e-12); // beyond 10^300, + 50 is lost in doubles
    }
    if (hi != null) {
      return hi - spread * Math.max(1, Math.abs(hi) * 1e-12);
    }
    if (u < 0.55) {
      return -5 + 10 * random.nextDouble();
    }
    if (u < 0.8) {
      return (random.nextBoolean() ? 1 : -1) * spread;
    }
    if (u < 0.9) {
      return random.nextInt(11) - 5;
    }
    return (random.nextBoolean() ? 1 : -1) * (5 + 95 * random.nextDouble());
  }

  /** Complex points: the disk, wider ones, and the axes and unit circle where branch cuts sit. */
  private Point.Value complex() {
    double u = random.nextDouble();
    double re;
    double im;
    if (u < 0.45) {
      re = -3 + 6 * random.nextDouble();
      im = -3 + 6 * random.nextDouble();
    } else if (u < 0.6) {
      re = -10 + 20 * random.nextDouble();
      im = -10 + 20 * random.nextDouble();
    } else if (u < 0.72) {
      re = -(0.1 + 5 * random.nextDouble());
      im = 0;
    } else if (u < 0.82) {
      re = 0.1 + 5 * random.nextDouble();
      im = 0;
    } else if (u < 0.88) {
      re = 0;
      im = (random.nextBoolean() ? 1 : -1) * (0.1 + 5 * random.nextDouble());
    } else if (u < 0.92) {
      double scale = random.nextBoolean() ? 1e-6 : 1e3; // tiny and huge
      re = scale * (-1 + 2 * random.nextDouble());
      im = scale * (-1 + 2 * random.nextDouble());
    } else {
      double angle = 2 * Math.PI * random.nextDouble();
      re = Math.cos(angle);
      im = Math.sin(angle);
    }
    return new Point.Value(new BigDecimal(re).round(DIGITS), new BigDecimal(im).round(DIGITS));
  }
}
