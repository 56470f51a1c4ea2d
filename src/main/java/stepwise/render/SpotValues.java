package stepwise.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.rules.Catalogue;
import stepwise.rules.Definitions;

/**
 * The value of a formula shown on a page at a sample point, computed here from that formula
 * (definitions unfolded, the point's values put in, then Symja at 30 digits), so that every
 * number in a spot-check table comes from the two formulas beside it and not from whatever
 * the verifier happened to compare. A point is the verifier's printed form: "x" -> "0.25",
 * a family "P" -> "(0.5, 0.5)".
 */
final class SpotValues {
  private static final int DIGITS = 30;
  private static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(2);

  private final Catalogue catalogue;
  private final Domains domains;

  SpotValues(Catalogue catalogue, Domains domains) {
    this.catalogue = catalogue;
    this.domains = domains == null ? Domains.NONE : domains;
  }

  /** The real value of e at the point, or null (undefined, complex, or not evaluable). */
  Double value(IExpr e, Map<String, String> point) {
    IExpr v = evaluate(e, point);
    if (v == null || !v.isReal()) {
      return null;
    }
    double d = v.evalf();
    return Double.isFinite(d) ? d : null;
  }

  /**
   * a - b at the point, subtracted at 30 digits: in doubles two sides near 5e17 that differ by
   * a constant 2.757 would show a difference of 0 (null when either side has no real value).
   */
  Double difference(IExpr a, IExpr b, Map<String, String> point) {
    IExpr va = evaluate(a, point);
    IExpr vb = evaluate(b, point);
    if (va == null || vb == null || !va.isReal() || !vb.isReal()) {
      return null;
    }
    try {
      IExpr d = Cas.withDeadline(DEADLINE, () -> Cas.numeric(F.Subtract(va, vb), DIGITS));
      double v = d.isReal() ? d.evalf() : Double.NaN;
      return Double.isFinite(v) ? v : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** D(f, v) in closed form, under the same deadline as every value here; null when it cannot be had. */
  IExpr derivative(IExpr f, ISymbol v) {
    try {
      return Cas.withDeadline(DEADLINE, () -> Cas.evaluate(F.D(f, v)));
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** The truth of a statement (p1 < p2) at the point, or null when it does not come to True or False. */
  Boolean truth(IExpr statement, Map<String, String> point) {
    IExpr v = evaluate(statement, point);
    if (v == null) {
      return null;
    }
    return v.isTrue() ? Boolean.TRUE : v.isFalse() ? Boolean.FALSE : null;
  }

  /** Each value is computed once: a difference column asks again for the sides just shown. */
  private final Map<List<Object>, java.util.Optional<IExpr>> computed = new java.util.concurrent.ConcurrentHashMap<>();

  private IExpr evaluate(IExpr e, Map<String, String> point) {
    return computed.computeIfAbsent(List.of(e, new HashMap<>(point)),
        key -> java.util.Optional.ofNullable(compute(e, point))).orElse(null);
  }

  private IExpr compute(IExpr e, Map<String, String> point) {
    try {
      return Cas.withDeadline(DEADLINE, () -> {
        IExpr unfolded = Definitions.unfoldAll(e, catalogue, domains);
        // a derivative D(f, x) left in a step (the calculus rules) is worked out before x gets its value
        unfolded = Trees.contains(unfolded, x -> x.equals(S.D)) ? Cas.evaluate(unfolded) : unfolded;
        IExpr placed = place(unfolded, point);
        if (placed == null) {
          return null;
        }
        IExpr v = Cas.numeric(placed, DIGITS);
        if (v.isTrue() || v.isFalse() || v.isNumber()) {
          return v;
        }
        return null;
      });
    } catch (RuntimeException ex) {
      return null; // a value that cannot be computed is shown as "—", never made up
    }
  }

  /** e with the point's scalars and families put in; null if a value cannot be read. */
  private IExpr place(IExpr e, Map<String, String> point) {
    Map<IExpr, IExpr> scalars = new HashMap<>();
    Map<ISymbol, List<IExpr>> families = new HashMap<>();
    for (ISymbol s : Trees.symbols(e)) {
      String text = point.get(s.getSymbolName());
      if (text == null) {
        continue;
      }
      String t = text.strip();
      if (t.startsWith("(") && t.endsWith(")")) {
        List<IExpr> members = new ArrayList<>();
        for (String part : t.substring(1, t.length() - 1).split(",")) {
          IExpr m = number(part.strip());
          if (m == null) {
            return null;
          }
          members.add(m);
        }
        families.put(s, members);
      } else {
        IExpr v = number(t);
        if (v == null) {
          return null;
        }
        scalars.put(s, v);
      }
    }
    IExpr out = Trees.substitute(e, scalars);
    for (Map.Entry<ISymbol, List<IExpr>> f : families.entrySet()) {
      out = Trees.substitute(out, Map.of(f.getKey(), memberFunction(f.getKey(), f.getValue(), scalars)));
    }
    return out;
  }

  /** A family as a function of its index: Function(Part({v1, v2, ...}, # - lo + 1)). */
  private IExpr memberFunction(ISymbol family, List<IExpr> members, Map<IExpr, IExpr> scalars) {
    long lo = 1;
    Domain.Family declared = domains.family(family);
    if (declared != null) {
      IExpr start = Cas.evaluate(Trees.substitute(declared.lo(), scalars));
      if (start.isInteger()) {
        lo = start.toIntDefault(1);
      }
    }
    IAST list = F.List(members.toArray(new IExpr[0]));
    if (declared != null && declared.second() != null) {
      // a two-index family lists its members row by row: p(i, j) is entry (i - lo)*columns + (j - lo2) + 1
      IExpr lo2 = Cas.evaluate(Trees.substitute(declared.second().lo(), scalars));
      IExpr hi2 = Cas.evaluate(Trees.substitute(declared.second().hi(), scalars));
      if (!lo2.isInteger() || !hi2.isInteger()) {
        return F.Function(S.Indeterminate);
      }
      long columns = hi2.toIntDefault(0) - lo2.toIntDefault(0) + 1;
      return F.Function(F.Part(list, F.Plus(F.Times(F.ZZ(columns), F.Plus(F.Slot1, F.ZZ(-lo))),
          F.Plus(F.Slot2, F.ZZ(1 - lo2.toIntDefault(0))))));
    }
    IExpr index = lo == 1 ? F.Slot1 : F.Plus(F.Slot1, F.ZZ(1 - lo));
    return F.Function(F.Part(list, index));
  }

  /** A printed value as an exact number: decimals as fractions (0.1 is 1/10), else Symja's reading. */
  static IExpr number(String text) {
    String t = text.strip();
    try {
      BigDecimal d = new BigDecimal(t);
      return d.scale() <= 0 ? F.ZZ(d.toBigIntegerExact())
          : F.fraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(d.scale()));
    } catch (NumberFormatException | ArithmeticException notADecimal) {
      // 1/3, Pi/2, 0.2 + 0.1*I: Symja reads them
    }
    if (!t.matches("[0-9A-Za-z.+\\-*/^() ]{1,80}")) {
      return null;
    }
    try {
      IExpr v = Cas.evaluate(new org.matheclipse.core.parser.ExprParser(Cas.engine(), true).parse(t));
      return v.isNumber() || v.isNumericFunction() ? v : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Unused symbols are left alone: S is referenced so that the import is explicit for readers. */
  static boolean isStatement(IExpr e) {
    return e instanceof IAST a && (a.head().equals(S.Less) || a.head().equals(S.Greater) || a.head().equals(S.LessEqual)
        || a.head().equals(S.GreaterEqual) || a.head().equals(S.Equal) || a.head().equals(S.Unequal)
        || a.head().equals(S.And) || a.head().equals(S.Or) || a.head().equals(S.Not) || a.head().equals(S.Implies)
        || a.head().equals(S.Element));
  }
}
