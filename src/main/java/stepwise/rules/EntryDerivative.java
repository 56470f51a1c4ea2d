package stepwise.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Call;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * The derivative with respect to one entry x(k) of a family, for a general size: each sum
 * Sum(g(x(i)), {i, lo, hi}) whose summand meets x only as x(i) contributes g'(x(k)) (k lies in
 * lo..hi, an obligation), by the chain rule through whatever holds the sums (Log of a sum of
 * exponentials gives the softmax). Symja cannot differentiate in x(k) ("not a valid variable"),
 * so x(k) and each sum stand for fresh symbols while it differentiates.
 *
 * <p>The decomposition is this class's; the verifier checks the result independently at small
 * sizes (n = 2 with k = 1, n = 3 with k = 3), where every sum is written out, every entry of every
 * family is a plain variable in the family's domain and Symja differentiates directly.
 */
final class EntryDerivative {
  /** Sizes and entries of the independent checks. */
  private static final int[][] CHECKS = {{2, 1}, {3, 3}};

  record Result(IExpr derivative, List<Obligation> obligations, Domains introduced) {}

  private EntryDerivative() {}

  static Result of(IExpr expr, ISymbol family, ISymbol k, Domains domains) {
    IExpr entry = Trees.node(family, k);
    ISymbol u = UserSymbols.named(family.getSymbolName() + "_" + k.getSymbolName());
    List<IAST> sums = new ArrayList<>();
    Map<IExpr, IExpr> stand = new LinkedHashMap<>();
    IExpr outer = standIns(expr, family, sums, stand);
    outer = Trees.substitute(outer, Map.of(entry, u));
    if (Trees.contains(outer, e -> e.equals(family))) {
      throw new Call.NotApplicable(ExprPrinter.print(expr) + " holds an entry of " + family.getSymbolName()
          + " other than " + ExprPrinter.print(entry) + " outside a sum over the family");
    }
    List<IExpr> terms = new ArrayList<>();
    terms.add(Trees.node(S.D, outer, u));
    List<Obligation> obligations = new ArrayList<>();
    for (IAST sum : sums) {
      Obligation.Iteration it = Places.iterationOf(sum);
      IExpr summand = Trees.substitute(Trees.substitute(sum.arg1(), Map.of(it.index(), k)), Map.of(entry, u));
      terms.add(Trees.times(Trees.node(S.D, outer, stand.get(sum)), Trees.node(S.D, summand, u)));
      inRange(Trees.node(S.LessEqual, it.lo(), k), "at least the sum's lower bound", domains, obligations);
      inRange(Trees.node(S.LessEqual, k, it.hi()), "at most the sum's upper bound", domains, obligations);
    }
    IExpr derivative;
    try {
      derivative = Cas.evaluate(Trees.plus(terms));
    } catch (Cas.DeadlineExceeded | ArithmeticException e) {
      throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(expr));
    }
    if (Trees.contains(derivative, e -> e.equals(S.D) || e.equals(S.Derivative))) {
      throw new Call.NotApplicable("Symja could not differentiate " + ExprPrinter.print(expr));
    }
    Map<IExpr, IExpr> back = new LinkedHashMap<>();
    back.put(u, entry);
    stand.forEach((sum, symbol) -> back.put(symbol, sum));
    derivative = Trees.tidy(Trees.substitute(derivative, back));
    Map<ISymbol, Domain> fresh = new LinkedHashMap<>();
    for (int[] check : CHECKS) {
      obligations.add(atSize(expr, derivative, family, k, check[0], check[1], domains, fresh));
    }
    return new Result(derivative, obligations, new Domains(fresh, List.of(), List.of()));
  }

  /** k lies in a sum's range: a declared constraint (k <= n) says so, else it is an obligation. */
  private static void inRange(IAST bound, String words, Domains domains, List<Obligation> obligations) {
    IExpr flipped = Trees.node(S.GreaterEqual, bound.arg2(), bound.arg1());
    if (domains.conditions().contains(bound) || domains.conditions().contains(flipped)
        || obligations.stream().anyMatch(o -> o instanceof Obligation.Condition c && c.condition().equals(bound))) {
      return;
    }
    obligations.add(new Obligation.Condition(bound, List.of(), Domains.NONE, "the entry's index is " + words));
  }

  /** Replaces each outermost sum that involves the family by a fresh symbol; a sum must meet it only as x(i). */
  private static IExpr standIns(IExpr e, ISymbol family, List<IAST> sums, Map<IExpr, IExpr> stand) {
    if (!(e instanceof IAST ast) || !Trees.contains(e, family::equals)) {
      return e;
    }
    Obligation.Iteration it = Places.iterationOf(ast);
    if (it != null && ast.head().equals(S.Sum)) {
      IExpr own = Trees.node(family, it.index());
      IExpr without = Trees.substitute(ast.arg1(), Map.of(own, F.C0));
      if (Trees.contains(without, family::equals)) {
        throw new Call.NotApplicable("in " + ExprPrinter.print(ast) + " the summand meets " + family.getSymbolName()
            + " other than as " + ExprPrinter.print(own));
      }
      IExpr symbol = stand.computeIfAbsent(ast, s -> UserSymbols.named("S_" + (stand.size() + 1)));
      if (!sums.contains(ast)) {
        sums.add(ast);
      }
      return symbol;
    }
    if (it != null) {
      throw new Call.NotApplicable("a product over " + family.getSymbolName() + ": take its log first");
    }
    var rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(standIns(arg, family, sums, stand));
    }
    return rebuilt;
  }

  /**
   * The claim at one size: with the family's upper bound set to size and k to entry, every sum
   * written out and every family entry a plain variable, the derivative Symja takes of the
   * start equals the result.
   */
  private static Obligation atSize(IExpr expr, IExpr derivative, ISymbol family, ISymbol k, int size, int entry,
      Domains domains, Map<ISymbol, Domain> fresh) {
    Domain.Family declared = domains.family(family);
    Map<IExpr, IExpr> fix = new LinkedHashMap<>();
    fix.put(k, F.ZZ(entry));
    if (declared != null && declared.hi() instanceof ISymbol bound) {
      fix.put(bound, F.ZZ(size));
    }
    IExpr left = plain(expand(Trees.substitute(expr, fix)), domains, fresh);
    IExpr right = plain(expand(Trees.substitute(derivative, fix)), domains, fresh);
    IExpr variable = plain(Trees.node(family, F.ZZ(entry)), domains, fresh);
    return new Obligation.Relates(Trees.node(S.D, left, variable), stepwise.model.Relation.EQUAL, right, false,
        "at n = " + size + ", k = " + entry + " (sums written out)");
  }

  /** Sums with numeric bounds written out term by term. */
  private static IExpr expand(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    var rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(expand(arg));
    }
    Obligation.Iteration it = Places.iterationOf(rebuilt);
    if (it != null && it.lo().isInteger() && it.hi().isInteger()) {
      int lo = it.lo().toIntDefault();
      int hi = it.hi().toIntDefault();
      List<IExpr> terms = new ArrayList<>();
      for (int j = lo; j <= hi; j++) {
        terms.add(Trees.substitute(rebuilt.arg1(), Map.of(it.index(), F.ZZ(j))));
      }
      boolean sum = rebuilt.head().equals(S.Sum);
      return terms.isEmpty() ? (sum ? F.C0 : F.C1) : sum ? Trees.plus(terms) : Trees.times(terms);
    }
    return rebuilt;
  }

  /** Every entry y(3) of a declared family becomes a plain variable y3 in the family's element domain. */
  private static IExpr plain(IExpr e, Domains domains, Map<ISymbol, Domain> fresh) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    if (ast.argSize() == 1 && ast.head() instanceof ISymbol f && domains.family(f) != null && ast.arg1().isInteger()) {
      ISymbol v = UserSymbols.named(f.getSymbolName() + "_" + ast.arg1());
      fresh.put(v, domains.family(f).element());
      return v;
    }
    var rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(plain(arg, domains, fresh));
    }
    return rebuilt;
  }
}
