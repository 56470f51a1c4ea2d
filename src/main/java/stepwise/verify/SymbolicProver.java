package stepwise.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Bindings;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Catalogue;
import stepwise.rules.Definitions;
import stepwise.rules.PatternRule;
import stepwise.rules.Places;

/**
 * Symbolic proofs that a difference is zero, or does not depend on some variables, under the
 * domains. Only sound moves: definitions are unfolded, logs and powers are expanded with the
 * catalogue's own rules only where their conditions are proved (Log(a*b) splits only if a > 0
 * and b > 0), sums over the same range are merged, and then Symja's Expand, Together and
 * Simplify run under a deadline. PossibleZeroQ is never used: it samples complex points.
 */
final class SymbolicProver {
  private static final int MAX_NORMALIZE_STEPS = 500;
  private static final Set<IExpr> TRIGONOMETRIC = Set.of(S.Sin, S.Cos, S.Tan, S.Cot, S.Sec, S.Csc, S.Sinh, S.Cosh,
      S.Tanh, S.Coth);
  private final Catalogue catalogue;
  private final Domains domains;
  private final Duration deadline;

  /** Whether the special-function laws (SpecialForms) and convergent infinite sums are tried as well. */
  private boolean special;

  SymbolicProver(Catalogue catalogue, Domains domains, Duration deadline) {
    this.catalogue = catalogue;
    this.domains = domains;
    this.deadline = deadline;
  }

  /** This prover with the special-function laws and infinite sums; it runs only where they occur. */
  SymbolicProver withSpecialFunctions() {
    special = true;
    return this;
  }

  /** The method that showed d = 0 everywhere in the domains, or empty if none did. */
  Optional<String> proveZero(IExpr d, List<Obligation.Iteration> within) {
    boolean series = InfiniteSums.applies(d);
    if (special ? !SpecialForms.applies(d) && !series : series) {
      return Optional.empty(); // Symja would sum a series without asking whether it converges
    }
    return Cas.withDeadline(deadline, () -> {
      IExpr prepared = prepare(d);
      if (!series) {
        return zero(prepared, within, 0);
      }
      InfiniteSums sums = new InfiniteSums(domains);
      IExpr summed = sums.hideRest(sums.evaluate(prepared));
      return zero(summed, within, 0).map(how -> sums.used().isEmpty() ? how : sums.used() + "; then " + how);
    });
  }

  /** The method that showed d does not depend on the variables in over. */
  Optional<String> proveIndependent(IExpr d, Set<ISymbol> over) {
    if (InfiniteSums.applies(d)) {
      return Optional.empty(); // Symja would sum a series without asking whether it converges
    }
    return Cas.withDeadline(deadline, () -> {
      IExpr prepared = prepare(d, over);
      if (!Trees.mentions(prepared, over)) {
        return Optional.of("the difference does not contain " + names(over));
      }
      IExpr normal = normalize(prepared, List.of());
      for (IExpr head : List.of(S.Expand, S.Together)) {
        IExpr e = symja(Trees.node(head, normal));
        if (e != null && !Trees.mentions(e, over)) {
          return Optional.of("the difference simplifies to " + stepwise.expr.ExprPrinter.print(e)
              + ", which does not contain " + names(over));
        }
      }
      for (ISymbol v : over) {
        if (domains.family(v) != null || Trees.contains(normal, e -> e instanceof IAST a && a.head().equals(v))) {
          return Optional.empty();
        }
      }
      for (ISymbol v : over) {
        IExpr derivative = symja(Trees.node(S.D, normal, v));
        if (derivative == null || zero(derivative, List.of(), 0).isEmpty()) {
          return Optional.empty();
        }
      }
      return Optional.of("its derivative in " + names(over) + " is zero");
    });
  }

  /** The method that showed d REL 0 (Greater, GreaterEqual, Less, LessEqual). */
  Optional<String> proveSign(IExpr d, IExpr relation) {
    if (InfiniteSums.applies(d)) {
      return Optional.empty(); // Symja would sum a series without asking whether it converges
    }
    return Cas.withDeadline(deadline, () -> {
      IExpr prepared = prepare(d);
      SignProver signs = new SignProver(domains);
      if (signs.proves(Trees.node(relation, prepared, F.C0), List.of())) {
        return Optional.of("interval arithmetic");
      }
      IExpr normal = normalize(prepared, List.of());
      for (IExpr head : List.of(S.Expand, S.Together, S.Factor)) {
        if (head.equals(S.Factor) && !tame(normal)) {
          continue;
        }
        IExpr e = symja(Trees.node(head, normal));
        if (e != null && signs.proves(Trees.node(relation, e, F.C0), List.of())) {
          return Optional.of("interval arithmetic on " + stepwise.expr.ExprPrinter.print(e));
        }
      }
      return Optional.empty();
    });
  }

  /**
   * Whether Factor and Simplify may be asked: with e^(10^4) inside they factor polynomials of
   * degree 10^4 or huge integers in JAS, which no deadline interrupts (a 2 s check ran 400 s).
   */
  private static boolean tame(IExpr e) {
    return !Trees.contains(e, x -> x instanceof org.matheclipse.core.interfaces.IInteger i
        && i.abs().compareTo(F.ZZ(java.math.BigInteger.TEN.pow(30))) > 0
        || x instanceof org.matheclipse.core.interfaces.IAST ast && ast.head().equals(S.Power) && ast.argSize() == 2
            && bigExponent(ast.arg2()));
  }

  private static boolean bigExponent(IExpr exponent) {
    if (!exponent.isNumericFunction(true)) {
      return false;
    }
    IExpr v = Cas.numeric(exponent, 20);
    return v.isReal() && Math.abs(v.evalf()) > 64;
  }

  private static String names(Set<ISymbol> over) {
    return String.join(", ", over.stream().map(ISymbol::getSymbolName).toList());
  }

  /**
   * Definitions unfolded, machine numbers made exact, derivatives taken, and variables fixed by
   * equality constraints (c = 1 - a - b for a + b + c == 1) replaced by their values.
   */
  IExpr prepare(IExpr d) {
    // solve a + b + c == 1 for a variable the claim does not mention (c), where there is one:
    // putting a = 1 - b - c into Log(a) would hide that a > 0 from the interval arguments
    Set<ISymbol> mentioned = new java.util.HashSet<>();
    Sampler.collectFree(d, new java.util.HashSet<>(), mentioned);
    return prepare(d, mentioned);
  }

  /** As prepare(d); constraints are solved for variables outside keep where possible. */
  IExpr prepare(IExpr d, Set<ISymbol> keep) {
    IExpr unfolded = Definitions.unfoldAll(d, catalogue, domains);
    IExpr exact = exactNumbers(unfolded);
    IExpr constrained = domains.equalities().isEmpty() ? exact
        : Trees.substitute(exact, Constraints.solveAll(domains.equalities(), keep));
    // constant powers in polar form, before any evaluation merges Sqrt(-E) Sqrt(-Pi) into Sqrt(E Pi)
    return Trees.tidy(RadicalForms.polarConstantPowers(derivatives(constrained)));
  }

  /** What sampling evaluates: definitions unfolded and derivatives taken (by Symja, on a copy). */
  IExpr numericForm(IExpr e) {
    IExpr unfolded = Definitions.unfoldAll(e, catalogue, domains);
    if (!Trees.contains(unfolded, x -> x.equals(S.D))) {
      return unfolded;
    }
    return Cas.withDeadline(deadline, () -> Trees.tidy(derivatives(unfolded)));
  }

  /** Machine numbers as the decimals they were written as (0.1 is 1/10, not the double nearest it). */
  static IExpr exactNumbers(IExpr e) {
    if (e instanceof INum num) {
      BigDecimal v = new BigDecimal(Double.toString(num.doubleValue())).stripTrailingZeros();
      return v.scale() <= 0 ? F.ZZ(v.toBigIntegerExact())
          : F.fraction(v.unscaledValue(), java.math.BigInteger.TEN.pow(v.scale()));
    }
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(exactNumbers(arg));
    }
    return rebuilt;
  }

  /** D(f, x) computed by Symja (on a copy), so later stages see the derivative itself. */
  private IExpr derivatives(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(derivatives(arg));
    }
    if (ast.head().equals(S.D) && ast.argSize() == 2) {
      IExpr result = symja(rebuilt);
      if (result != null && !Trees.contains(result, x -> x.equals(S.D) || x.equals(S.Derivative))) {
        return result;
      }
    }
    return rebuilt;
  }

  private Optional<String> zero(IExpr d, List<Obligation.Iteration> within, int depth) {
    if (d.isZero()) {
      return Optional.of("identical");
    }
    Optional<String> direct = zeroDirect(d, within, depth);
    if (direct.isPresent() || depth > 0) {
      return direct;
    }
    if (SumInduction.applies(d)) {
      Optional<String> byInduction = new SumInduction(domains).prove(d, within, this::zeroCheaply);
      if (byInduction.isPresent()) {
        return byInduction;
      }
    }
    return zeroByCases(d, within);
  }

  /**
   * The base case and the step of an induction: Expand, the catalogue's laws, Together and the
   * branch-aware laws, but not Simplify, so that an induction that fails costs little.
   */
  private Optional<String> zeroCheaply(IExpr d, List<Obligation.Iteration> within) {
    if (d.isZero() || isZero(symja(Trees.node(S.Expand, d)))) {
      return Optional.of("algebra (Expand)");
    }
    IExpr normal = normalize(d, within);
    IExpr expanded = symja(Trees.node(S.Expand, normal));
    if (isZero(expanded) || isZero(symja(Trees.node(S.Together, expanded == null ? normal : expanded)))) {
      return Optional.of("log and power laws under the domains, then Together");
    }
    return zeroByBranchLaws(normal, within);
  }

  /** Variables with a small finite domain (y in {0,1}): the difference is zero in every case. */
  private Optional<String> zeroByCases(IExpr d, List<Obligation.Iteration> within) {
    List<ISymbol> finite = new ArrayList<>();
    long cases = 1;
    for (ISymbol s : Trees.symbols(d)) {
      if (domains.of(s) instanceof stepwise.model.Domain.Finite f) {
        finite.add(s);
        cases *= f.values().size();
      }
    }
    if (finite.isEmpty() || cases > 16) {
      return Optional.empty();
    }
    List<Map<IExpr, IExpr>> assignments = new ArrayList<>();
    assignments.add(new LinkedHashMap<>());
    for (ISymbol s : finite) {
      List<Map<IExpr, IExpr>> next = new ArrayList<>();
      for (Map<IExpr, IExpr> a : assignments) {
        for (IExpr value : ((stepwise.model.Domain.Finite) domains.of(s)).values()) {
          Map<IExpr, IExpr> b = new LinkedHashMap<>(a);
          b.put(s, value);
          next.add(b);
        }
      }
      assignments = next;
    }
    for (Map<IExpr, IExpr> a : assignments) {
      // a value put in (y = -1) can make a new constant power: polar form again, see prepare
      if (zeroDirect(Trees.tidy(RadicalForms.polarConstantPowers(Trees.substitute(d, a))), within, 1).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of("case by case over " + names(new java.util.LinkedHashSet<>(finite)) + " (" + cases + " cases)");
  }

  private Optional<String> zeroDirect(IExpr d, List<Obligation.Iteration> within, int depth) {
    if (d.isZero()) {
      return Optional.of("identical");
    }
    IExpr expanded = symja(Trees.node(S.Expand, d));
    if (isZero(expanded)) {
      return Optional.of("algebra (Expand)");
    }
    IExpr normal = normalize(d, within);
    IExpr normalExpanded = symja(Trees.node(S.Expand, normal));
    if (isZero(normalExpanded)) {
      return Optional.of("log and power laws under the domains, then Expand");
    }
    if (depth < 3) {
      Optional<String> bySums = mergedSums(normal, within, depth);
      if (bySums.isPresent()) {
        return bySums;
      }
      IExpr aligned = depth == 0 ? alignedSums(normal, within) : null;
      if (aligned != null) {
        Optional<String> byAligned = mergedSums(aligned, within, depth + 1);
        if (byAligned.isPresent()) {
          return Optional.of("sums split term by term, indices shifted and ranges aligned (end terms written out); "
              + byAligned.get());
        }
      }
    }
    IExpr together = symja(Trees.node(S.Together, normalExpanded == null ? normal : normalExpanded));
    if (isZero(together)) {
      return Optional.of("log and power laws under the domains, then Together");
    }
    if (Trees.contains(normal, e -> TRIGONOMETRIC.contains(e))) {
      // half angles rescaled first (x -> 2 x), so that E^(I x) is the one exponential of x left
      IExpr scaled = TrigForms.scaled(normal);
      IExpr asExponentials = symja(Trees.node(S.Expand, Trees.node(S.TrigToExp, scaled == null ? normal : scaled)));
      IExpr exponential = asExponentials;
      if (asExponentials != null && !isZero(asExponentials)) {
        IExpr polynomial = TrigForms.exponentialsAsVariables(productOfExponentials(asExponentials));
        exponential = symja(Trees.node(S.Together, polynomial == null ? asExponentials : polynomial));
      }
      if (isZero(exponential)) {
        return Optional.of(scaled == null ? "trigonometric functions as exponentials, then Together"
            : "half angles: variables rescaled, trigonometric functions as exponentials, then Together");
      }
    }
    if (special) {
      Optional<String> bySpecial = zeroBySpecialForms(normal, within);
      if (bySpecial.isPresent()) {
        return bySpecial;
      }
    }
    Optional<String> byLaws = zeroByBranchLaws(normal, within);
    if (byLaws.isPresent()) {
      return byLaws;
    }
    IExpr simplified = tame(normal) ? symja(Trees.node(S.Simplify, normal)) : null;
    if (isZero(simplified)) {
      return Optional.of("log and power laws under the domains, then Simplify");
    }
    return Optional.empty();
  }

  /**
   * The inverse-trigonometric, root, power and
   * log laws whose side conditions are proved (TrigForms, RadicalForms, LogForms), the
   * catalogue's laws once more, and Expand / Together / exponentials. Each costs a walk and a
   * few sign proofs when nothing applies.
   */
  /** How the provers' laws() join their laws (a law's own text may hold commas). */
  static final String LAW_SEPARATOR = " \\| ";

  private Optional<String> zeroByBranchLaws(IExpr normal, List<Obligation.Iteration> within) {
    IExpr current = normal;
    List<String> used = new ArrayList<>();
    if (TrigForms.applies(current)) {
      TrigForms forms = new TrigForms(domains);
      current = forms.rewrite(current, within);
      used.add(forms.laws());
    }
    if (RadicalForms.applies(current)) {
      RadicalForms forms = new RadicalForms(domains);
      current = forms.rewrite(current, within);
      used.add(forms.laws());
    }
    if (IndicatorForms.applies(current)) {
      IndicatorForms forms = new IndicatorForms(domains);
      current = forms.rewrite(current, within);
      used.add(forms.laws());
    }
    if (LogForms.applies(current)) {
      LogForms forms = new LogForms(domains);
      current = forms.rewrite(current, within);
      used.add(forms.laws());
    }
    if (current.equals(normal)) {
      return Optional.empty();
    }
    // one clause per law (the report's reader translates clause by clause), then how it ended
    String how = String.join("; ", used.stream().filter(s -> !s.isEmpty()).flatMap(s -> java.util.Arrays.stream(
        s.split(LAW_SEPARATOR))).toList()) + "; side conditions proved, then ";
    current = normalize(current, within);
    IExpr expanded = symja(Trees.node(S.Expand, current));
    if (isZero(expanded)) {
      return Optional.of(how + "Expand");
    }
    IExpr together = symja(Trees.node(S.Together, expanded == null ? current : expanded));
    if (isZero(together)) {
      return Optional.of(how + "Together");
    }
    if (Trees.contains(current, e -> TRIGONOMETRIC.contains(e))) {
      IExpr exponential = symja(Trees.node(S.Together, Trees.node(S.Expand, Trees.node(S.TrigToExp, current))));
      if (isZero(exponential)) {
        return Optional.of(how + "trigonometric functions as exponentials and Together");
      }
    }
    return Optional.empty();
  }

  /** Infinite sums summed where they provably converge, then the special-function laws, then Expand/Together. */
  private Optional<String> zeroBySpecialForms(IExpr normal, List<Obligation.Iteration> within) {
    SpecialForms forms = new SpecialForms(domains, within);
    IExpr rewritten = forms.rewrite(normal);
    if (rewritten.equals(normal)) {
      return Optional.empty();
    }
    String how = forms.laws() + " under the domains; ";
    IExpr expanded = symja(Trees.node(S.Expand, rewritten));
    if (isZero(expanded)) {
      return Optional.of(how + "then Expand");
    }
    IExpr together = symja(Trees.node(S.Together, expanded == null ? rewritten : expanded));
    if (isZero(together)) {
      return Optional.of(how + "then Together");
    }
    if (Trees.contains(rewritten, e -> TRIGONOMETRIC.contains(e))) {
      IExpr exponential = symja(Trees.node(S.Together, Trees.node(S.Expand, Trees.node(S.TrigToExp, rewritten))));
      if (isZero(exponential)) {
        return Optional.of(how + "then trigonometric functions as exponentials and Together");
      }
    }
    Optional<String> byLaws = zeroByBranchLaws(rewritten, within);
    if (byLaws.isPresent()) {
      return Optional.of(how + "then " + byLaws.get());
    }
    IExpr simplified = tame(rewritten) ? symja(Trees.node(S.Simplify, rewritten)) : null;
    if (isZero(simplified)) {
      return Optional.of(how + "then Simplify");
    }
    return Optional.empty();
  }

  /** E^(a + b + ...) as E^a E^b ... (true for all complex a, b), so that Together sees E^(I x) and E^(I y) alone. */
  static IExpr productOfExponentials(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(productOfExponentials(arg));
    }
    if (rebuilt.isPower() && rebuilt.arg1().equals(S.E)) {
      IExpr exponent = symja(Trees.node(S.Expand, rebuilt.arg2()));
      if (exponent != null && Trees.isHead(exponent, S.Plus)) {
        List<IExpr> factors = new ArrayList<>();
        for (IExpr term : Trees.args(exponent)) {
          factors.add(Trees.power(S.E, term));
        }
        return Trees.times(factors);
      }
      return exponent == null ? rebuilt : Trees.power(S.E, exponent);
    }
    return rebuilt;
  }

  private static boolean isZero(IExpr e) {
    return e != null && (e.isZero() || (e instanceof INum n && n.doubleValue() == 0));
  }

  /** Symja's result for a copy of e, or null if Symja fails on it (a deadline still propagates). */
  static IExpr symja(IExpr e) {
    try {
      if (e instanceof IAST ast && RATIONAL_FUNCTION_HEADS.contains(ast.head())) {
        return withGenericRadicals(ast);
      }
      return Cas.evaluate(e);
    } catch (Cas.DeadlineExceeded ex) {
      throw ex;
    } catch (RuntimeException | StackOverflowError ex) {
      return null;
    }
  }

  /** Symja's rational-function operations, which mistreat constant roots (see withGenericRadicals). */
  private static final Set<IExpr> RATIONAL_FUNCTION_HEADS = Set.of(S.Together, S.Factor, S.Simplify, S.Cancel, S.Apart);

  /**
   * head(e) with every constant root p^(a/b) (p a positive rational) replaced by a fresh symbol
   * for the operation and put back afterwards, so that the result is an identity of rational
   * functions, true at the roots' values. Why: Symja's Together, Factor and Simplify compare
   * such roots with nearby rationals in floating point: Together(Sqrt(2) x - q x) is 0 for
   * q = 1414213562373095/10^15, and 'x*Sqrt(2) = x*1.41421356237309504880168' was proved.
   */
  static IExpr withGenericRadicals(IAST ast) {
    Map<IExpr, IExpr> generic = new LinkedHashMap<>();
    IASTAppendable evaluated = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      evaluated.append(Cas.evaluate(arg)); // Sqrt(8) as 2 Sqrt(2), so that one symbol stands for Sqrt(2)
    }
    IExpr replaced = genericRadicals(evaluated, generic);
    if (generic.isEmpty()) {
      return Cas.evaluate(ast);
    }
    IExpr result = Cas.evaluate(replaced);
    Map<IExpr, IExpr> back = new LinkedHashMap<>();
    generic.forEach((root, symbol) -> back.put(symbol, root));
    return Cas.evaluate(Trees.substitute(result, back));
  }

  private static IExpr genericRadicals(IExpr e, Map<IExpr, IExpr> generic) {
    if (e.isPower() && e.base() instanceof org.matheclipse.core.interfaces.IRational p && p.isPositive()
        && e.exponent() instanceof org.matheclipse.core.interfaces.IFraction f) {
      // p^(a/b) as s^a, with one symbol s for p^(1/b): 1/Sqrt(2) and Sqrt(2) stay related
      IExpr root = Trees.power(p, F.QQ(F.C1, f.denominator()));
      IExpr symbol = generic.computeIfAbsent(root, r -> F.Dummy("stepwiseroot" + generic.size()));
      return Trees.power(symbol, f.numerator());
    }
    if (!(e instanceof IAST ast) || e.isNumber()) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(genericRadicals(arg, generic));
    }
    return rebuilt;
  }

  /**
   * Sums over the same range merge into one (a c*Sum(f) with c free of the index counts as
   * Sum(c*f)); the whole is zero if the merged summand and the rest are.
   */
  private Optional<String> mergedSums(IExpr d, List<Obligation.Iteration> within, int depth) {
    List<IExpr> terms = Trees.isHead(d, S.Plus) ? Trees.args(d) : List.of(d);
    Map<List<IExpr>, List<IExpr>> byRange = new LinkedHashMap<>();
    Map<List<IExpr>, ISymbol> indexOf = new LinkedHashMap<>();
    List<IExpr> rest = new ArrayList<>();
    for (IExpr term : terms) {
      IExpr coefficient = F.C1;
      IExpr sum = term;
      if (Trees.isHead(term, S.Times)) {
        List<IExpr> factors = Trees.args(term);
        List<IExpr> sums = factors.stream().filter(f -> Trees.isHead(f, S.Sum)).toList();
        if (sums.size() == 1) {
          sum = sums.get(0);
          List<IExpr> others = new ArrayList<>(factors);
          others.remove(sum);
          coefficient = Trees.times(others);
        }
      }
      Obligation.Iteration it = Places.iterationOf(sum);
      if (it == null || !Trees.isHead(sum, S.Sum) || Trees.mentions(coefficient, Set.of(it.index()))) {
        rest.add(term);
        continue;
      }
      List<IExpr> range = List.of(it.lo(), it.hi());
      ISymbol index = indexOf.computeIfAbsent(range, r -> it.index());
      IExpr summand = Trees.substitute(((IAST) sum).arg1(), Map.of(it.index(), index));
      byRange.computeIfAbsent(range, r -> new ArrayList<>()).add(Trees.times(coefficient, summand));
    }
    if (byRange.isEmpty()) {
      return Optional.empty();
    }
    for (var e : byRange.entrySet()) {
      ISymbol index = indexOf.get(e.getKey());
      List<Obligation.Iteration> inner = new ArrayList<>(within);
      inner.add(new Obligation.Iteration(index, e.getKey().get(0), e.getKey().get(1)));
      IExpr summand = Trees.plus(e.getValue());
      if (zero(summand, inner, depth + 1).isEmpty()) {
        return Optional.empty();
      }
    }
    if (!rest.isEmpty() && zero(Trees.plus(rest), within, depth + 1).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("sums over the same range merged; each summand is zero");
  }

  private static final int MAX_END_TERMS = 8;

  /**
   * The sums of d split into one sum per term of their summand, each shifted so that its
   * functions are called at the index itself (Sum(F(k + 1), {k, 1, n}) = Sum(F(k), {k, 2, n + 1})),
   * and all sums whose bounds differ by integers cut to the one common range, with the terms
   * outside it written out. The common range [A, B] must be proved not to run backwards (B >= A - 1)
   * under the domains, or nothing is changed. Null when there is nothing to align.
   */
  private IExpr alignedSums(IExpr d, List<Obligation.Iteration> within) {
    List<IExpr> terms = Trees.isHead(d, S.Plus) ? Trees.args(d) : List.of(d);
    record Part(IExpr coefficient, IExpr summand, ISymbol index, IExpr lo, IExpr hi) {}
    List<Part> parts = new ArrayList<>();
    List<IExpr> rest = new ArrayList<>();
    for (IExpr term : terms) {
      IExpr coefficient = F.C1;
      IExpr sum = term;
      if (Trees.isHead(term, S.Times)) {
        List<IExpr> sums = Trees.args(term).stream().filter(f -> Trees.isHead(f, S.Sum)).toList();
        if (sums.size() == 1) {
          sum = sums.get(0);
          List<IExpr> others = new ArrayList<>(Trees.args(term));
          others.remove(sum);
          coefficient = Trees.times(others);
        }
      }
      Obligation.Iteration it = Places.iterationOf(sum);
      if (it == null || !Trees.isHead(sum, S.Sum) || it.hi().equals(S.Infinity)
          || Trees.mentions(coefficient, Set.of(it.index()))) {
        rest.add(term);
        continue;
      }
      IExpr body = ((IAST) sum).arg1();
      // partial fractions in the index (1/(k (k + 1)) = 1/k - 1/(k + 1)) so that shifted terms can cancel
      IExpr summand = body.isPolynomial(it.index()) || !isRationalIn(body, it.index())
          ? symja(Trees.node(S.Expand, body)) : symja(Trees.node(S.Apart, body, it.index()));
      if (summand == null) {
        return null;
      }
      for (IExpr written : Trees.isHead(summand, S.Plus) ? Trees.args(summand) : List.of(summand)) {
        // Sum(F(c - k), {k, lo, hi}) = Sum(F(c - lo - hi + k), {k, lo, hi}): the range read backwards
        IExpr piece = reflected(written, it.index())
            ? symja(Trees.node(S.Expand, Trees.substitute(written, Map.of(it.index(),
                Trees.plus(it.lo(), it.hi(), Trees.negate(it.index()))))))
            : written;
        if (piece == null) {
          return null;
        }
        Integer shift = commonShift(piece, it.index());
        if (shift == null) {
          parts.add(new Part(coefficient, piece, it.index(), it.lo(), it.hi()));
        } else {
          IExpr moved = Trees.substitute(piece, Map.of(it.index(), Trees.plus(it.index(), F.ZZ(-shift))));
          parts.add(new Part(coefficient, symja(Trees.node(S.Expand, moved)), it.index(),
              symja(Trees.plus(it.lo(), F.ZZ(shift))), symja(Trees.plus(it.hi(), F.ZZ(shift)))));
        }
      }
    }
    if (parts.size() < 2) {
      return null;
    }
    IExpr a = parts.get(0).lo();
    IExpr b = parts.get(0).hi();
    for (Part p : parts) {
      Integer lower = integerGap(p.lo(), a);
      Integer upper = integerGap(p.hi(), b);
      if (lower == null || upper == null) {
        return null;
      }
      a = lower > 0 ? p.lo() : a;
      b = upper < 0 ? p.hi() : b;
    }
    if (!new SignProver(domains).proves(F.GreaterEqual(Trees.plus(b, Trees.negate(a), F.C1), F.C0), within)) {
      return null;
    }
    List<IExpr> out = new ArrayList<>(rest);
    for (Part p : parts) {
      int before = integerGap(a, p.lo());
      int after = integerGap(p.hi(), b);
      if (before + after > MAX_END_TERMS) {
        return null;
      }
      List<IExpr> pieces = new ArrayList<>();
      pieces.add(Trees.node(S.Sum, p.summand(), Trees.node(S.List, p.index(), a, b)));
      for (int j = 0; j < before; j++) {
        pieces.add(Trees.substitute(p.summand(), Map.of(p.index(), symja(Trees.plus(p.lo(), F.ZZ(j))))));
      }
      for (int j = 1; j <= after; j++) {
        pieces.add(Trees.substitute(p.summand(), Map.of(p.index(), symja(Trees.plus(b, F.ZZ(j))))));
      }
      out.add(Trees.times(p.coefficient(), Trees.plus(pieces)));
    }
    return Trees.tidy(Trees.plus(out));
  }

  /** Whether e is a ratio of polynomials in x (other symbols as coefficients). */
  private static boolean isRationalIn(IExpr e, ISymbol x) {
    if (!Trees.mentions(e, Set.of(x)) || e.equals(x)) {
      return true;
    }
    if (Trees.isHead(e, S.Plus) || Trees.isHead(e, S.Times)) {
      return Trees.args(e).stream().allMatch(a -> isRationalIn(a, x));
    }
    return e.isPower() && e.exponent().isInteger() && isRationalIn(e.base(), x);
  }

  /** x - y when it is an integer, else null. */
  private static Integer integerGap(IExpr x, IExpr y) {
    IExpr gap = symja(Trees.node(S.Expand, Trees.plus(x, Trees.negate(y))));
    return gap instanceof org.matheclipse.core.interfaces.IInteger i && Math.abs(i.toIntDefault(1000)) < 1000
        ? i.toIntDefault() : null;
  }

  /** Whether every call of a user function in term that mentions the index has the argument c - index (one at least). */
  private static boolean reflected(IExpr term, ISymbol index) {
    boolean[] seen = {false};
    boolean[] other = {false};
    Trees.walk(term, (path, sub) -> {
      if (sub instanceof IAST call && call.head() instanceof ISymbol h && stepwise.expr.UserSymbols.isUser(h)
          && call.argSize() == 1 && Trees.mentions(call.arg1(), Set.of(index))) {
        IExpr rest = symja(Trees.node(S.Expand, Trees.plus(call.arg1(), index)));
        if (rest != null && !Trees.mentions(rest, Set.of(index))) {
          seen[0] = true;
        } else {
          other[0] = true;
        }
      }
    });
    return seen[0] && !other[0];
  }

  /**
   * The s for which every call of a user function in term has the argument index + s (the
   * same s for all), when s is not 0; else null.
   */
  private static Integer commonShift(IExpr term, ISymbol index) {
    // re-indexing is always valid; this only picks the shift that makes cancelling likely:
    // the common offset s of the arguments index + s of user functions, else of the sums index + s
    for (boolean calls : new boolean[] {true, false}) {
      Integer[] shift = {null};
      boolean[] mixed = {false};
      Trees.walk(term, (path, sub) -> {
        IExpr argument = null;
        if (calls && sub instanceof IAST call && call.head() instanceof ISymbol h && stepwise.expr.UserSymbols.isUser(h)
            && call.argSize() == 1 && Trees.mentions(call.arg1(), Set.of(index))) {
          argument = call.arg1();
        } else if (!calls && Trees.isHead(sub, S.Plus) && Trees.args(sub).contains(index)) {
          argument = sub;
        }
        if (argument != null) {
          Integer s = integerGap(argument, index);
          if (s == null || shift[0] != null && !shift[0].equals(s)) {
            mixed[0] = true;
          } else {
            shift[0] = s;
          }
        }
      });
      if (shift[0] != null) {
        return mixed[0] || shift[0] == 0 ? null : shift[0];
      }
    }
    return null;
  }

  /**
   * Applies the catalogue's normalizing rules everywhere, bottom-up, as long as one applies
   * and its conditions are proved under the domains (with the indices of enclosing sums).
   */
  IExpr normalize(IExpr e, List<Obligation.Iteration> within) {
    int[] budget = {MAX_NORMALIZE_STEPS};
    return Trees.tidy(normalize(e, within, budget));
  }

  private IExpr normalize(IExpr e, List<Obligation.Iteration> within, int[] budget) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      List<Obligation.Iteration> inner = within;
      if (it != null && i == 1) {
        inner = new ArrayList<>(within);
        inner.add(it);
      }
      rebuilt.append(normalize(ast.get(i), inner, budget));
    }
    IExpr current = Trees.tidy(rebuilt);
    SignProver signs = new SignProver(domains);
    for (PatternRule rule : catalogue.normalizers()) {
      if (budget[0] <= 0) {
        return current;
      }
      Optional<Bindings> match = rule.match(current);
      if (match.isEmpty()) {
        continue;
      }
      Bindings b = match.get();
      boolean ok = rule.where().stream().allMatch(c -> signs.proves(b.instantiate(c), within));
      if (ok) {
        budget[0]--;
        return normalize(b.instantiate(rule.rhs()), within, budget);
      }
    }
    return current;
  }
}
