package stepwise.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Finite sums whose bounds grow with an integer n (Sum(f(k), {k, 1, n}) = g(n)) proved by
 * induction on n: the difference D(n) is zero at the least n the domains allow, and
 * D(n) - D(n - 1) is zero as an identity (the sums drop out: what is left are the end terms
 * f(n), ...). That proves closed forms of polynomial, geometric and telescoping sums, index
 * shifts and range splits alike. The induction only holds if every term is defined at every
 * integer n from the base on, so every power, quotient and logarithm in the difference must
 * have its base proved nonzero (or positive) there first; otherwise nothing is claimed.
 */
final class SumInduction {
  private static final int MAX_SLOPE = 4;
  private static final int MAX_BASE_TERMS = 64;

  /** The prover's zero test, used for the base case and the step. */
  interface Zero {
    Optional<String> of(IExpr d, List<Obligation.Iteration> within);
  }

  private record Part(IExpr coefficient, IExpr summand, ISymbol index, Linear lo, Linear hi) {}

  /** a*n + c with a literal slope a >= 0 and c free of n. */
  private record Linear(int slope, IExpr constant) {
    IExpr at(IExpr n) {
      return Trees.plus(Trees.times(F.ZZ(slope), n), constant);
    }
  }

  private final Domains domains;
  private final SignProver signs;

  SumInduction(Domains domains) {
    this.domains = domains;
    this.signs = new SignProver(domains);
  }

  /** Whether d holds a finite sum with a symbolic bound. */
  static boolean applies(IExpr d) {
    return Trees.contains(d, e -> Trees.isHead(e, S.Sum) && Places.iterationOf(e) != null
        && !Places.iterationOf(e).hi().equals(S.Infinity) && !Places.iterationOf(e).hi().isNumber());
  }

  Optional<String> prove(IExpr d, List<Obligation.Iteration> within, Zero zero) {
    List<IExpr> terms = new ArrayList<>();
    collectTerms(d, F.C1, terms);
    List<IExpr> rest = new ArrayList<>();
    List<IAST> sums = new ArrayList<>();
    List<IExpr> coefficients = new ArrayList<>();
    for (IExpr term : terms) {
      IAST sum = null;
      List<IExpr> others = new ArrayList<>();
      for (IExpr f : Trees.isHead(term, S.Times) ? Trees.args(term) : List.of(term)) {
        if (sum == null && Trees.isHead(f, S.Sum) && Places.iterationOf(f) != null) {
          sum = (IAST) f;
        } else {
          others.add(f);
        }
      }
      if (sum == null) {
        rest.add(term);
      } else {
        sums.add(sum);
        coefficients.add(others.isEmpty() ? F.C1 : Trees.times(others));
      }
    }
    ISymbol n = inductionVariable(sums);
    Integer base = n == null ? null : leastValue(n);
    if (base == null) {
      return Optional.empty();
    }
    Set<ISymbol> onlyN = Set.of(n);
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < sums.size(); i++) {
      Obligation.Iteration it = Places.iterationOf(sums.get(i));
      IExpr summand = sums.get(i).arg1();
      Linear lo = linear(it.lo(), n);
      Linear hi = linear(it.hi(), n);
      if (lo == null || hi == null || lo.slope() > hi.slope() || Trees.mentions(summand, onlyN)
          || Trees.mentions(coefficients.get(i), onlyN) || Trees.contains(summand, e -> Trees.isHead(e, S.Sum))) {
        return Optional.empty();
      }
      parts.add(new Part(coefficients.get(i), summand, it.index(), lo, hi));
    }
    IExpr restExpr = Trees.plus(rest);
    if (!defined(restExpr, within) || parts.stream().anyMatch(p -> !defined(p.coefficient(), within))) {
      return Optional.empty();
    }
    IExpr n0 = F.ZZ(base);
    for (Part p : parts) {
      // the range is not backwards at the base (lo <= hi + 1), so by the slopes at no n after it
      IExpr room = Trees.plus(p.hi().at(n0), Trees.negate(p.lo().at(n0)), F.C1);
      List<Obligation.Iteration> scope = new ArrayList<>(within);
      scope.add(new Obligation.Iteration(p.index(), p.lo().at(n), p.hi().at(n)));
      if (!signs.proves(F.GreaterEqual(room, F.C0), within) || !defined(p.summand(), scope)) {
        return Optional.empty();
      }
    }
    // base case: every sum written out term by term
    List<IExpr> baseTerms = new ArrayList<>();
    baseTerms.add(Trees.substitute(restExpr, Map.of(n, n0)));
    for (Part p : parts) {
      IExpr lo = SymbolicProver.symja(p.lo().at(n0));
      IExpr count = SymbolicProver.symja(Trees.plus(p.hi().at(n0), Trees.negate(lo), F.C1));
      if (!(count instanceof IInteger c) || c.toIntDefault(MAX_BASE_TERMS + 1) > MAX_BASE_TERMS) {
        return Optional.empty();
      }
      for (int j = 0; j < c.toIntDefault(); j++) {
        IExpr k = SymbolicProver.symja(Trees.plus(lo, F.ZZ(j)));
        baseTerms.add(Trees.times(p.coefficient(), Trees.substitute(p.summand(), Map.of(p.index(), k))));
      }
    }
    Optional<String> baseProof = zero.of(Trees.tidy(Trees.plus(baseTerms)), within);
    if (baseProof.isEmpty()) {
      return Optional.empty();
    }
    // step: D(n) - D(n - 1), each sum replaced by the terms it gains at the top and loses at the bottom
    IExpr previous = Trees.plus(n, F.CN1);
    List<IExpr> stepTerms = new ArrayList<>();
    stepTerms.add(restExpr);
    stepTerms.add(Trees.negate(Trees.substitute(restExpr, Map.of(n, previous))));
    for (Part p : parts) {
      for (int j = 0; j < p.hi().slope(); j++) {
        IExpr k = Trees.plus(p.hi().at(n), F.ZZ(-j));
        stepTerms.add(Trees.times(p.coefficient(), Trees.substitute(p.summand(), Map.of(p.index(), k))));
      }
      for (int j = 0; j < p.lo().slope(); j++) {
        IExpr k = Trees.plus(p.lo().at(previous), F.ZZ(j));
        stepTerms.add(Trees.negate(Trees.times(p.coefficient(), Trees.substitute(p.summand(), Map.of(p.index(), k)))));
      }
    }
    Optional<String> stepProof = zero.of(Trees.tidy(Trees.plus(stepTerms)), within);
    if (stepProof.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("induction on " + n.getSymbolName() + " from " + base + " (base case: " + baseProof.get()
        + "; step, the end terms of the sums: " + stepProof.get() + ")");
  }

  /** The terms of c*e, with products that hold a sum of terms with sums in them multiplied out. */
  private static void collectTerms(IExpr e, IExpr c, List<IExpr> out) {
    if (Trees.isHead(e, S.Plus)) {
      Trees.args(e).forEach(t -> collectTerms(t, c, out));
      return;
    }
    if (Trees.isHead(e, S.Times)) {
      List<IExpr> factors = Trees.args(e);
      for (IExpr f : factors) {
        if (Trees.isHead(f, S.Plus) && Trees.contains(f, x -> x.equals(S.Sum))) {
          List<IExpr> others = new ArrayList<>(factors);
          others.remove(f);
          others.add(c);
          collectTerms(f, Trees.times(others), out);
          return;
        }
      }
    }
    out.add(c.isOne() ? e : Trees.times(c, e));
  }

  /** The one symbol the sums' bounds depend on, if it is an integer of the domains. */
  private ISymbol inductionVariable(List<IAST> sums) {
    Set<ISymbol> seen = new HashSet<>();
    for (IAST sum : sums) {
      Obligation.Iteration it = Places.iterationOf(sum);
      if (it.hi().equals(S.Infinity)) {
        return null;
      }
      Trees.symbols(it.hi()).stream().filter(s -> !s.isBuiltInSymbol()).forEach(seen::add);
    }
    if (seen.size() != 1) {
      return null;
    }
    ISymbol n = seen.iterator().next();
    return domains.of(n) instanceof Domain.Real r && r.integer() ? n : null;
  }

  /** The least integer in n's domain, if it has a finite lower bound. */
  private Integer leastValue(ISymbol n) {
    Domain.Real r = (Domain.Real) domains.of(n);
    BigDecimal lo = r.lower().value();
    if (lo == null || lo.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
      return null;
    }
    BigDecimal ceiling = lo.setScale(0, RoundingMode.CEILING);
    if (r.lower().open() && ceiling.compareTo(lo) == 0) {
      ceiling = ceiling.add(BigDecimal.ONE);
    }
    return ceiling.intValueExact();
  }

  /** e as a*n + c with a literal integer a in 0..MAX_SLOPE, or null. */
  private static Linear linear(IExpr e, ISymbol n) {
    IExpr slope = SymbolicProver.symja(Trees.node(S.D, e, n));
    if (!(slope instanceof IInteger a) || a.isNegative() || a.toIntDefault(MAX_SLOPE + 1) > MAX_SLOPE) {
      return null;
    }
    IExpr constant = SymbolicProver.symja(Trees.node(S.Expand, Trees.plus(e, Trees.times(F.ZZ(-a.toIntDefault()), n))));
    if (constant == null || Trees.mentions(constant, Set.of(n))) {
      return null;
    }
    return new Linear(a.toIntDefault(), constant);
  }

  /**
   * Whether e is defined at every point of the domains (with the sum indices of scope): each
   * division and negative power by something proved nonzero, each fractional or symbolic power
   * of something proved positive (or nonnegative, with a positive exponent), each Log of
   * something proved nonzero; only functions defined everywhere otherwise.
   */
  private boolean defined(IExpr e, List<Obligation.Iteration> scope) {
    if (!(e instanceof IAST ast)) {
      return true;
    }
    for (IExpr a : Trees.args(ast)) {
      if (!defined(a, scope)) {
        return false;
      }
    }
    IExpr h = ast.head();
    if (h.equals(S.Plus) || h.equals(S.Times) || h.equals(S.Abs) || h.equals(S.Sin) || h.equals(S.Cos)
        || h.equals(S.Sinh) || h.equals(S.Cosh) || h.equals(S.List)
        || h instanceof ISymbol s && UserSymbols.isUser(s)) {
      return true;
    }
    if (h.equals(S.Log) && ast.argSize() == 1) {
      return signs.proves(F.Unequal(ast.arg1(), F.C0), scope) || signs.proves(F.Greater(ast.arg1(), F.C0), scope);
    }
    if (ast.isPower()) {
      IExpr base = ast.arg1();
      IExpr exponent = ast.arg2();
      if (base.equals(S.E)) {
        return true;
      }
      Set<ISymbol> indices = new HashSet<>();
      scope.forEach(it -> indices.add(it.index()));
      boolean integer = Verifier.integerValued(exponent, domains, indices);
      if (integer && signs.proves(F.GreaterEqual(exponent, F.C1), scope)) {
        return true;
      }
      if (signs.proves(F.Greater(base, F.C0), scope)) {
        return true;
      }
      if (integer) {
        return signs.proves(F.Unequal(base, F.C0), scope);
      }
      return signs.proves(F.GreaterEqual(base, F.C0), scope) && signs.proves(F.Greater(exponent, F.C0), scope);
    }
    return false;
  }
}
