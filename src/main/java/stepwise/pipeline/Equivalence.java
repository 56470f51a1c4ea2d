package stepwise.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.OpenScope;
import stepwise.model.Assumptions;
import stepwise.model.Domains;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Verifier;

/**
 * Are two formulas equal? The same verifier as for derivation steps, on free-standing
 * formulas. A variable with no assumption ranges over the complex numbers.
 */
public final class Equivalence {
  private final Verifier verifier;

  public Equivalence(Catalogue catalogue, Settings settings) {
    this.verifier = new Verifier(catalogue, settings);
  }

  /** The parsed question, ready to check. */
  public record Question(IExpr left, IExpr right, Domains domains) {}

  /** Parses both sides and the assumptions ("True" or empty for none). */
  public Question parse(String left, String right, String assumptions, Source where) {
    return question(read(left, where, "left side"), read(right, where, "right side"),
        Assumptions.stated(assumptions) ? read(assumptions, where, "assumptions") : null, where);
  }

  /** The question from sides and assumptions already read (by any reader: plain or LaTeX); assumptions may be null. */
  public static Question question(IExpr l, IExpr r, IExpr assumptions, Source where) {
    Domains domains = Domains.NONE;
    Map<ISymbol, Domain> members = new LinkedHashMap<>();
    if (assumptions != null) {
      try {
        domains = Assumptions.toDomains(memberAssumptions(assumptions, members), Domains.NONE);
      } catch (Assumptions.Unsupported e) {
        throw new InputError(where, e.getMessage());
      }
    }
    if (l.equals(S.True) || r.equals(S.True)) {
      throw new InputError(where, "a side is True: give formulas, not conditions");
    }
    return new Question(l, r, IndexedFunctions.declare(domains, members, l, r));
  }

  /**
   * The assumptions without those about a whole family, Element(y(i), Reals), y(i) > 0,
   * 0 < y(i) < 1, which go into members as the domain of every y(k).
   */
  private static IExpr memberAssumptions(IExpr assumptions, Map<ISymbol, Domain> members) {
    List<IExpr> kept = new ArrayList<>();
    for (IExpr part : Trees.isHead(assumptions, S.And) ? Trees.args(assumptions) : List.of(assumptions)) {
      ISymbol head = IndexedFunctions.memberHead(part);
      if (head == null) {
        kept.add(part);
        continue;
      }
      IExpr call = null;
      for (IExpr a : Trees.args(part)) {
        if (a instanceof org.matheclipse.core.interfaces.IAST ast && ast.head().equals(head)) {
          call = a;
        }
      }
      ISymbol stand = UserSymbols.named("member" + head.getSymbolName());
      IExpr alone = Trees.substitute(part, Map.of(call, stand));
      Domain before = members.getOrDefault(head, Domain.COMPLEX);
      Domains one = Assumptions.toDomains(alone, new Domains(Map.of(stand, before), List.of(), List.of()));
      if (!one.conditions().isEmpty() || !one.equalities().isEmpty()) {
        throw new Assumptions.Unsupported("unsupported assumption " + stepwise.expr.ExprPrinter.print(part)
            + " about a family (use Element(y(i), Reals), Element(y(i), Integers), y(i) > 0, 0 < y(i) < 1)");
      }
      members.put(head, one.of(stand));
    }
    return kept.isEmpty() ? S.True : Trees.node(S.And, kept);
  }

  public Finding check(Question q) {
    return verifier.equivalent("left = right", q.left(), q.right(), q.domains());
  }

  private static IExpr read(String text, Source where, String what) {
    try {
      return ExprParser.parse(text, new OpenScope());
    } catch (ExprSyntaxError e) {
      throw new InputError(where, what + ", column " + (e.offset() + 1) + ": " + e.getMessage() + " in: " + stepwise.expr.ExprSyntaxError.excerpt(text, e.offset()));
    }
  }

  /**
   * Undeclared functions called at integer points, F(k) in a sum over k = 1..n or F(n + 1),
   * become families: random values per distinct argument, the same on both sides, over the
   * smallest range that holds every argument (1..n + 1 here). Their values are complex unless
   * an assumption about the family says more (Element(y(i), Reals), y(i) > 0).
   */
  static final class IndexedFunctions {
    private IndexedFunctions() {}

    /** The family head an assumption such as Element(y(i), Reals) or y(i) > 0 is about, or null. */
    static ISymbol memberHead(IExpr part) {
      boolean element = Trees.isHead(part, S.Element);
      boolean order = Trees.isHead(part, S.Less) || Trees.isHead(part, S.LessEqual) || Trees.isHead(part, S.Greater)
          || Trees.isHead(part, S.GreaterEqual);
      if (!element && !order) {
        return null;
      }
      ISymbol head = null;
      for (IExpr a : Trees.args(part)) {
        if (a instanceof org.matheclipse.core.interfaces.IAST call && call.head() instanceof ISymbol h
            && UserSymbols.isUser(h) && call.argSize() == 1 && call.arg1() instanceof ISymbol i && UserSymbols.isUser(i)) {
          if (head != null) {
            return null;
          }
          head = h;
        } else if (!Trees.symbols(a).stream().noneMatch(UserSymbols::isUser)) {
          return null; // y(i) < x relates two things: not a family's domain
        }
      }
      return element && !Trees.args(part).get(0).isAST() ? null : head;
    }

    static Domains declare(Domains domains, Map<ISymbol, Domain> members, IExpr... sides) {
      Map<ISymbol, List<IExpr[]>> ranges = new LinkedHashMap<>();
      Map<ISymbol, Boolean> usable = new LinkedHashMap<>();
      for (IExpr side : sides) {
        collect(side, Map.of(), ranges, usable, domains);
      }
      Domains out = domains;
      for (var e : ranges.entrySet()) {
        ISymbol f = e.getKey();
        if (!usable.get(f) || domains.isDeclared(f)) {
          continue;
        }
        // the endpoints fall into at most two classes that differ by integers (1, 2 and n, n + 1):
        // the family runs from the least of the lower class to the greatest of the upper one
        IExpr first = e.getValue().get(0)[0];
        IExpr last = e.getValue().get(0)[1];
        IExpr lo = first;
        IExpr hi = last;
        boolean comparable = true;
        for (IExpr[] r : e.getValue()) {
          for (IExpr end : r) {
            IExpr low = extreme(lo, end, false);
            IExpr high = extreme(hi, end, true);
            if (low != null && (high == null || extreme(first, last, true) == null)) {
              lo = low;
            } else if (high != null) {
              hi = high;
            } else {
              comparable = false;
            }
            if (low != null && high != null) {
              lo = low;
              hi = high;
            }
          }
        }
        if (comparable) {
          // like any variable without a domain, the values of an undeclared function are complex
          Domain element = members.getOrDefault(f, Domain.COMPLEX);
          out = out.with(f, new Domain.Family(UserSymbols.named("k"), lo, hi, element, false));
        }
      }
      return out;
    }

    /** The smaller (or larger) of two bounds that differ by an integer constant; null if they do not. */
    private static IExpr extreme(IExpr a, IExpr b, boolean larger) {
      IExpr gap = stepwise.cas.Cas.evaluate(Trees.node(S.Expand, Trees.plus(a, Trees.negate(b))));
      if (!gap.isInteger()) {
        return null;
      }
      boolean aBigger = ((org.matheclipse.core.interfaces.IInteger) gap).isPositive();
      return aBigger == larger ? a : b;
    }

    /** For each user function: the ranges its integer arguments run over; usable is false once one is not a shifted index. */
    private static void collect(IExpr e, Map<ISymbol, IExpr[]> indices, Map<ISymbol, List<IExpr[]>> ranges,
        Map<ISymbol, Boolean> usable, Domains domains) {
      if (!(e instanceof org.matheclipse.core.interfaces.IAST ast)) {
        return;
      }
      stepwise.model.Obligation.Iteration it = stepwise.rules.Places.iterationOf(e);
      if (it != null) {
        collect(it.lo(), indices, ranges, usable, domains);
        collect(it.hi(), indices, ranges, usable, domains);
        if (it.hi().equals(S.Infinity) || !Trees.isHead(e, S.Sum) && !Trees.isHead(e, S.Product)) {
          collect(ast.arg1(), indices, ranges, usable, domains);
          return;
        }
        Map<ISymbol, IExpr[]> inner = new LinkedHashMap<>(indices);
        inner.put(it.index(), new IExpr[] {it.lo(), it.hi()});
        collect(ast.arg1(), inner, ranges, usable, domains);
        return;
      }
      if (ast.head() instanceof ISymbol f && UserSymbols.isUser(f) && !domains.isDeclared(f)) {
        IExpr[] range = ast.argSize() == 1 ? range(ast.arg1(), indices, domains) : null;
        usable.merge(f, range != null, Boolean::logicalAnd);
        if (range != null) {
          ranges.computeIfAbsent(f, k -> new ArrayList<>()).add(range);
        }
      }
      for (IExpr a : Trees.args(ast)) {
        collect(a, indices, ranges, usable, domains);
      }
    }

    /** The range of an argument index + c (c an integer), or of an integer-valued expression alone; else null. */
    private static IExpr[] range(IExpr argument, Map<ISymbol, IExpr[]> indices, Domains domains) {
      IExpr expanded = stepwise.cas.Cas.evaluate(Trees.node(S.Expand, argument));
      for (var idx : indices.entrySet()) {
        IExpr shift = stepwise.cas.Cas.evaluate(Trees.node(S.Expand, Trees.plus(expanded, Trees.negate(idx.getKey()))));
        if (shift.isInteger()) {
          return new IExpr[] {stepwise.cas.Cas.evaluate(Trees.plus(idx.getValue()[0], shift)),
              stepwise.cas.Cas.evaluate(Trees.plus(idx.getValue()[1], shift))};
        }
      }
      if (Trees.symbols(expanded).stream().anyMatch(indices::containsKey)) {
        return null;
      }
      boolean integral = Trees.symbols(expanded).stream().filter(UserSymbols::isUser)
          .allMatch(s -> domains.of(s) instanceof Domain.Real r && r.integer());
      IExpr linear = stepwise.cas.Cas.evaluate(Trees.node(S.Expand, expanded));
      return integral && (linear.isInteger() || Trees.isHead(linear, S.Plus) || linear instanceof ISymbol)
          ? new IExpr[] {linear, linear} : null;
    }
  }
}
