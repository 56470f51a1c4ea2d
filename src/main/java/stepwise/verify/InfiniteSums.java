package stepwise.verify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Obligation;
import stepwise.rules.Places;

/**
 * Sums up to Infinity replaced by Symja's closed form, but only once the series is shown to
 * converge absolutely: k^2 times the term has a finite limit (so the terms fall like 1/k^2 or
 * faster), or the ratio of consecutive terms tends to a limit of absolute value below 1
 * (numerically, or proved for real parameters). Symja's Sum alone would give a value to some
 * divergent series (regularised sums); a series not shown to converge stays as it is.
 */
final class InfiniteSums {
  private final Domains domains;
  private final Set<String> used = new LinkedHashSet<>();

  InfiniteSums(Domains domains) {
    this.domains = domains;
  }

  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> infinite(x) != null);
  }

  /** The iteration of a Sum(f, {k, lo, Infinity}), else null. */
  static Obligation.Iteration infinite(IExpr e) {
    if (!Trees.isHead(e, S.Sum)) {
      return null;
    }
    Obligation.Iteration it = Places.iterationOf(e);
    return it != null && it.hi().equals(S.Infinity) ? it : null;
  }

  String used() {
    return used.isEmpty() ? "" : "series summed by Symja where convergence was shown (" + String.join("; ", used) + ")";
  }

  IExpr evaluate(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(evaluate(arg));
    }
    Obligation.Iteration it = infinite(rebuilt);
    if (it == null || !it.lo().isInteger()) {
      return rebuilt;
    }
    IExpr term = rebuilt.arg1();
    String why = convergence(term, it.index());
    if (why == null) {
      return rebuilt;
    }
    IExpr value = symja(rebuilt);
    if (value == null || Trees.contains(value, x -> x.equals(S.Sum) || x.equals(S.Infinity)
        || x.equals(S.ComplexInfinity) || x.equals(S.Indeterminate) || x.equals(S.DirectedInfinity)
        || x.equals(S.Limit) || x.equals(S.Interval))) {
      return rebuilt;
    }
    used.add(ExprPrinter.print(rebuilt) + " = " + ExprPrinter.print(value) + ", " + why);
    return value;
  }

  /** Each series still unsummed replaced by an opaque symbol, so that no later Symja call sums it unchecked. */
  IExpr hideRest(IExpr e) {
    Map<IExpr, IExpr> opaque = new LinkedHashMap<>();
    Trees.walk(e, (path, sub) -> {
      if (infinite(sub) != null && !opaque.containsKey(sub)) {
        opaque.put(sub, stepwise.expr.UserSymbols.named("unsummedSeries" + (opaque.size() + 1)));
      }
    });
    return opaque.isEmpty() ? e : Trees.substitute(e, opaque);
  }

  /** Why the series of term over index converges absolutely, or null if that cannot be shown. */
  private String convergence(IExpr term, ISymbol index) {
    IExpr powerLaw = symja(F.Limit(Trees.times(Trees.power(index, F.C2), term), F.Rule(index, S.Infinity)));
    if (powerLaw != null && finiteNumber(powerLaw)) {
      return "k^2 times its term tends to " + ExprPrinter.print(powerLaw);
    }
    IExpr next = Trees.substitute(term, java.util.Map.of(index, Trees.plus(index, F.C1)));
    IExpr ratio = symja(F.Limit(Trees.times(next, Trees.power(term, F.CN1)), F.Rule(index, S.Infinity)));
    if (ratio == null || Trees.contains(ratio, x -> x.equals(S.Infinity) || x.equals(S.DirectedInfinity)
        || x.equals(S.ComplexInfinity) || x.equals(S.Indeterminate) || x.equals(S.Limit) || x.equals(S.Interval))) {
      return null;
    }
    if (ratio.isNumericFunction(true)) {
      IExpr size = Cas.numeric(F.Abs(ratio), 30);
      return size.isReal() && size.evalf() < 1 - 1e-12 ? "the ratio of its terms tends to " + ExprPrinter.print(ratio) : null;
    }
    // parameters: only real ones, and |ratio| < 1 proved by interval arithmetic
    for (ISymbol s : Trees.symbols(ratio)) {
      if (stepwise.expr.UserSymbols.isUser(s) && !(domains.of(s) instanceof Domain.Real || domains.of(s) instanceof Domain.Finite)) {
        return null;
      }
    }
    SignProver signs = new SignProver(domains);
    if (signs.proves(F.Less(ratio, F.C1), List.of()) && signs.proves(F.Greater(ratio, F.CN1), List.of())) {
      return "the ratio of its terms tends to " + ExprPrinter.print(ratio) + ", proved inside (-1, 1)";
    }
    return null;
  }

  private static boolean finiteNumber(IExpr e) {
    if (!e.isNumericFunction(true)) {
      return false;
    }
    try {
      IExpr v = Cas.numeric(F.Abs(e), 30);
      return v.isReal() && Double.isFinite(v.evalf());
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private static IExpr symja(IExpr e) {
    try {
      return Cas.evaluate(e);
    } catch (Cas.DeadlineExceeded ex) {
      throw ex;
    } catch (RuntimeException | StackOverflowError ex) {
      return null;
    }
  }
}
