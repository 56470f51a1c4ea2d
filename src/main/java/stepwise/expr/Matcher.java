package stepwise.expr;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Matches rule patterns (x_, x_Integer, p_(i_)) against author-form trees, enumerating every
 * match so a side condition can reject one and the next be tried. Plus and Times match up to
 * order and grouping: each pattern argument takes one term, except the last plain variable,
 * which takes all the terms left over, in the author's order. Bindings are the author's own
 * subtrees; nothing is evaluated or re-sorted.
 */
public final class Matcher {
  private static final int MAX_MATCHES = 256;

  private Matcher() {}

  public static List<Bindings> match(IExpr pattern, IExpr expr) {
    List<Bindings> out = new ArrayList<>();
    match(pattern, expr, Bindings.EMPTY, out);
    return out;
  }

  /**
   * The pattern variable name_ for a symbol (name_Head with a head test). Not F.$p(symbol):
   * for symbols outside Symja's contexts that returns a cached pattern of another symbol.
   */
  public static IExpr variable(ISymbol symbol, IExpr headTest) {
    return org.matheclipse.core.expression.Pattern.valueOf(symbol, headTest);
  }

  public static boolean isPatternVariable(IExpr expr) {
    return expr instanceof IPatternObject;
  }

  private static void match(IExpr pattern, IExpr expr, Bindings bindings, List<Bindings> out) {
    if (out.size() >= MAX_MATCHES) {
      return;
    }
    if (pattern instanceof IPatternObject variable) {
      if (!passesHeadTest(variable.getHeadTest(), expr)) {
        return;
      }
      ISymbol name = variable.getSymbol();
      IExpr bound = bindings.get(name);
      if (bound == null) {
        out.add(bindings.with(name, expr));
      } else if (bound.equals(expr)) {
        out.add(bindings);
      }
      return;
    }
    if (!(pattern instanceof IAST p)) {
      if (pattern.equals(expr)) {
        out.add(bindings);
      }
      return;
    }
    if (!(expr instanceof IAST e)) {
      return;
    }
    List<Bindings> afterHead = new ArrayList<>();
    match(p.head(), e.head(), bindings, afterHead);
    for (Bindings b : afterHead) {
      if ((p.head().equals(S.Plus) || p.head().equals(S.Times)) && e.head().equals(p.head())) {
        matchUnordered(Trees.args(p), Trees.args(e), p.head(), b, out);
      } else if (p.argSize() == e.argSize()) {
        matchInOrder(p, e, 1, b, out);
      }
    }
  }

  private static boolean passesHeadTest(IExpr headTest, IExpr expr) {
    if (headTest == null) {
      return true;
    }
    if (headTest.equals(S.Integer)) {
      return expr.isInteger();
    }
    if (headTest.equals(S.Symbol)) {
      return expr.isSymbol();
    }
    return expr.head().equals(headTest);
  }

  private static void matchInOrder(IAST p, IAST e, int index, Bindings bindings, List<Bindings> out) {
    if (index > p.argSize()) {
      out.add(bindings);
      return;
    }
    List<Bindings> here = new ArrayList<>();
    match(p.get(index), e.get(index), bindings, here);
    for (Bindings b : here) {
      matchInOrder(p, e, index + 1, b, out);
    }
  }

  /** Plus/Times: structured pattern arguments first, then plain variables, the absorber last. */
  private static void matchUnordered(List<IExpr> patterns, List<IExpr> terms, IExpr head,
      Bindings bindings, List<Bindings> out) {
    if (terms.size() < patterns.size()) {
      return;
    }
    int absorber = -1;
    if (terms.size() > patterns.size()) {
      for (int i = patterns.size() - 1; i >= 0; i--) {
        if (patterns.get(i) instanceof IPatternObject v && v.getHeadTest() == null) {
          absorber = i;
          break;
        }
      }
      if (absorber < 0) {
        return;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      if (!(patterns.get(i) instanceof IPatternObject)) {
        order.add(i);
      }
    }
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i) instanceof IPatternObject && i != absorber) {
        order.add(i);
      }
    }
    assign(patterns, terms, head, order, 0, new boolean[terms.size()], absorber, bindings, out);
  }

  private static void assign(List<IExpr> patterns, List<IExpr> terms, IExpr head, List<Integer> order,
      int next, boolean[] used, int absorber, Bindings bindings, List<Bindings> out) {
    if (out.size() >= MAX_MATCHES) {
      return;
    }
    if (next == order.size()) {
      if (absorber < 0) {
        out.add(bindings);
        return;
      }
      List<IExpr> rest = new ArrayList<>();
      for (int t = 0; t < terms.size(); t++) {
        if (!used[t]) {
          rest.add(terms.get(t));
        }
      }
      IExpr value = rest.size() == 1 ? rest.get(0) : Trees.node(head, rest);
      match(patterns.get(absorber), value, bindings, out);
      return;
    }
    IExpr pattern = patterns.get(order.get(next));
    for (int t = 0; t < terms.size(); t++) {
      if (used[t]) {
        continue;
      }
      List<Bindings> here = new ArrayList<>();
      match(pattern, terms.get(t), bindings, here);
      if (here.isEmpty()) {
        continue;
      }
      used[t] = true;
      for (Bindings b : here) {
        assign(patterns, terms, head, order, next + 1, used, absorber, b, out);
      }
      used[t] = false;
    }
  }
}
