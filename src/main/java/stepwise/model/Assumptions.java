package stepwise.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;

/**
 * Turns assumptions such as 0 < p < 1 && (y == 0 || y == 1) && a + b + c == 1 into domains:
 * bounds on one variable narrow its interval, x == a || x == b makes a finite set,
 * Element(n, Integers) makes it integral, an equality between several variables becomes a
 * constraint honoured when sampling, and any other inequality becomes a filter (its variables
 * are real).
 */
public final class Assumptions {
  private Assumptions() {}

  /** Thrown for an assumption Stepwise cannot use. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String message) {
      super(message);
    }
  }

  /** Whether assumptions written as text say anything: blank or "True" says nothing. */
  public static boolean stated(String text) {
    return text != null && !text.isBlank() && !text.strip().equals("True");
  }

  public static Domains toDomains(IExpr assumption, Domains base) {
    Map<ISymbol, Domain> domains = new LinkedHashMap<>(base.declared());
    List<IExpr> equalities = new ArrayList<>(base.equalities());
    List<IExpr> conditions = new ArrayList<>(base.conditions());
    for (IExpr part : conjuncts(assumption)) {
      apply(part, domains, equalities, conditions);
    }
    return new Domains(domains, equalities, conditions);
  }

  private static List<IExpr> conjuncts(IExpr e) {
    if (Trees.isHead(e, S.And)) {
      List<IExpr> out = new ArrayList<>();
      for (IExpr arg : Trees.args(e)) {
        out.addAll(conjuncts(arg));
      }
      return out;
    }
    return List.of(e);
  }

  private static void apply(IExpr part, Map<ISymbol, Domain> domains, List<IExpr> equalities, List<IExpr> conditions) {
    if (part.equals(S.True)) {
      return;
    }
    if (Trees.isHead(part, S.Element) && ((IAST) part).arg1() instanceof ISymbol x && UserSymbols.isUser(x)) {
      IExpr set = ((IAST) part).arg2();
      Domain current = domains.getOrDefault(x, Domain.COMPLEX);
      if (set.equals(S.Reals)) {
        domains.put(x, realOf(current));
      } else if (set.equals(S.Integers)) {
        Domain.Real r = realOf(current);
        domains.put(x, new Domain.Real(r.lower(), r.upper(), true));
      } else if (set.equals(S.Complexes)) {
        domains.putIfAbsent(x, Domain.COMPLEX);
      } else {
        throw new Unsupported("unsupported set in " + ExprPrinter.print(part) + " (Reals, Integers, Complexes)");
      }
      return;
    }
    if (Trees.isHead(part, S.Or)) {
      ISymbol variable = null;
      List<IExpr> values = new ArrayList<>();
      for (IExpr alt : Trees.args(part)) {
        if (Trees.isHead(alt, S.Equal) && ((IAST) alt).arg1() instanceof ISymbol x && UserSymbols.isUser(x)
            && ((IAST) alt).arg2().isNumber() && (variable == null || variable.equals(x))) {
          variable = x;
          values.add(((IAST) alt).arg2());
        } else {
          variable = null;
          break;
        }
      }
      if (variable != null) {
        domains.put(variable, new Domain.Finite(values));
        return;
      }
      throw new Unsupported("unsupported assumption " + ExprPrinter.print(part)
          + " (a disjunction must list values of one variable: y == 0 || y == 1)");
    }
    if (Trees.isHead(part, S.Equal)) {
      IAST eq = (IAST) part;
      if (eq.arg1() instanceof ISymbol x && UserSymbols.isUser(x) && eq.arg2().isNumber()) {
        domains.put(x, new Domain.Finite(List.of(eq.arg2())));
      } else {
        equalities.add(part);
      }
      return;
    }
    if (isOrder(part)) {
      IAST rel = (IAST) part;
      if (rel.arg1() instanceof ISymbol x && UserSymbols.isUser(x) && bound(rel.arg2(), false) != null) {
        domains.put(x, narrow(realOf(domains.getOrDefault(x, Domain.COMPLEX)), rel.head(), rel.arg2()));
        return;
      }
      if (rel.arg2() instanceof ISymbol x && UserSymbols.isUser(x) && bound(rel.arg1(), false) != null) {
        domains.put(x, narrow(realOf(domains.getOrDefault(x, Domain.COMPLEX)), flip(rel.head()), rel.arg1()));
        return;
      }
      for (ISymbol s : Trees.symbols(part)) {
        if (UserSymbols.isUser(s) && !(domains.get(s) instanceof Domain.Family)) {
          domains.put(s, realOf(domains.getOrDefault(s, Domain.COMPLEX)));
        }
      }
      conditions.add(part);
      return;
    }
    if (Trees.isHead(part, S.Unequal)) {
      conditions.add(part);
      return;
    }
    throw new Unsupported("unsupported assumption " + ExprPrinter.print(part)
        + " (use x > 0, 0 < x < 1, y == 0 || y == 1, Element(n, Integers), a + b == 1, x < y)");
  }

  private static boolean isOrder(IExpr e) {
    return e instanceof IAST ast && ast.argSize() == 2
        && Set.of(S.Less, S.LessEqual, S.Greater, S.GreaterEqual).contains(ast.head());
  }

  private static IExpr flip(IExpr head) {
    if (head.equals(S.Less)) return S.Greater;
    if (head.equals(S.LessEqual)) return S.GreaterEqual;
    if (head.equals(S.Greater)) return S.Less;
    return S.LessEqual;
  }

  private static Domain.Real realOf(Domain d) {
    if (d instanceof Domain.Real r) {
      return r;
    }
    return (Domain.Real) Domain.REALS;
  }

  /** A bound at the constant expression e (kept exact: 3/7 is not 0.4285714285714286), or null. */
  public static Domain.Bound bound(IExpr e, boolean open) {
    if (Trees.symbols(e).stream().anyMatch(UserSymbols::isUser)) {
      return null;
    }
    try {
      return Domain.Bound.of(Cas.evaluate(e), open);
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** x HEAD c narrows the interval of x. */
  private static Domain narrow(Domain.Real r, IExpr head, IExpr constant) {
    Domain.Bound lower = r.lower();
    Domain.Bound upper = r.upper();
    BigDecimal c = bound(constant, false).value();
    if (head.equals(S.Greater) || head.equals(S.GreaterEqual)) {
      Domain.Bound b = bound(constant, head.equals(S.Greater));
      if (lower.value() == null || c.compareTo(lower.value()) > 0 || (c.compareTo(lower.value()) == 0 && b.open())) {
        lower = b;
      }
    } else {
      Domain.Bound b = bound(constant, head.equals(S.Less));
      if (upper.value() == null || c.compareTo(upper.value()) < 0 || (c.compareTo(upper.value()) == 0 && b.open())) {
        upper = b;
      }
    }
    return new Domain.Real(lower, upper, r.integer());
  }

  /** The value of a constant expression (2, 1/3, Pi/2), or null if it has variables. */
  public static BigDecimal constant(IExpr e) {
    if (e instanceof IInteger i) {
      return new BigDecimal(i.toBigNumerator());
    }
    if (e instanceof IFraction f) {
      return new BigDecimal(f.toBigNumerator()).divide(new BigDecimal(f.toBigDenominator()), MathContext.DECIMAL64);
    }
    if (Trees.symbols(e).stream().anyMatch(UserSymbols::isUser)) {
      return null;
    }
    try {
      double d = Cas.evaluate(Trees.node(S.N, e)).evalf();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }
}
