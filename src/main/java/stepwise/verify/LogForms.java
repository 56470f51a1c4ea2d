package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.model.Obligation;

/**
 * Log laws under proved domains, bottom-up: Log(E^v) = v once v is proved real (the principal
 * branch takes imaginary parts in (-Pi, Pi] only), and Log(u) = Log(c) + sum of e Log(f) once u
 * is written (as it stands, or brought over one denominator by Together and factored) as a
 * positive constant c times factors f^e with every f proved positive and every e real. A
 * factor f with -f proved positive is negated and its sign moved to c. Nothing else is split:
 * Log(x y) with x, y < 0 stays whole.
 */
final class LogForms {
  private final SignProver signs;
  private final Set<String> laws = new LinkedHashSet<>();

  LogForms(Domains domains) {
    this.signs = new SignProver(domains);
  }

  String laws() {
    return String.join(" | ", laws);
  }

  static boolean applies(IExpr e) {
    return Trees.contains(e, x -> x.equals(S.Log));
  }

  IExpr rewrite(IExpr e, List<Obligation.Iteration> scope) {
    return BottomUp.rewrite(e, scope, (n, inScope) -> Trees.isHead(n, S.Log) && n.argSize() == 1
        ? split(n.arg1(), inScope) : null, false);
  }

  /** Log(u) as a sum of logs of positive factors, or v for u = E^v with v real; null if not proved. */
  private IExpr split(IExpr u, List<Obligation.Iteration> scope) {
    if (u.isPower() && u.base().equals(S.E)) {
      if (signs.proves(F.Element(u.exponent(), S.Reals), scope)) {
        laws.add("Log(E^v) = v for v real");
        return u.exponent();
      }
      return null;
    }
    List<IExpr> factors = null;
    if (Trees.isHead(u, S.Times) || u.isPower()) {
      factors = RadicalForms.positiveFactors(u, signs, scope);
    }
    if (factors == null && !u.isNumber()) {
      IExpr together = SymbolicProver.symja(Trees.node(S.Together, u));
      IExpr factored = together == null ? null : SymbolicProver.symja(Trees.node(S.Factor, together));
      if (factored != null && (Trees.isHead(factored, S.Times) || factored.isPower())) {
        factors = RadicalForms.positiveFactors(factored, signs, scope);
      }
    }
    if (factors == null || factors.size() == 1 && (!factors.get(0).isPower() || factors.get(0).exponent().isOne())) {
      return null;
    }
    List<IExpr> logs = new ArrayList<>();
    for (IExpr factor : factors) {
      boolean power = factor.isPower() && !factor.base().equals(S.E);
      IExpr f = power ? factor.base() : factor;
      IExpr e = power ? factor.exponent() : F.C1;
      if (!(e instanceof IInteger) && !e.isReal() && !signs.proves(F.Element(e, S.Reals), scope)) {
        return null;
      }
      IExpr log = split(f, scope);
      logs.add(Trees.times(e, log == null ? F.Log(f) : log));
    }
    laws.add("Log of a product of factors proved positive as the sum of their logs");
    return Trees.plus(logs);
  }
}
