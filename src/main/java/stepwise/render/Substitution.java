package stepwise.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprPrinter;
import stepwise.expr.OpenScope;
import stepwise.expr.Trees;

/**
 * What a substitution step put in ("n = 2", "P(1) = 1 - y", as the rewrite reports it), read
 * back into expressions so that the page can write it in LaTeX over the step's "=" and the
 * spot check can apply it to the previous line. Names are matched by their printed form.
 */
final class Substitution {
  private Substitution() {}

  /** The map of a step's given, or empty when a part cannot be read. */
  static Map<String, IExpr> read(List<String> given) {
    Map<String, IExpr> out = new LinkedHashMap<>();
    for (String g : given) {
      int eq = g.indexOf(" = ");
      if (eq < 0) {
        return Map.of();
      }
      try {
        IExpr key = ExprParser.parse(g.substring(0, eq), new OpenScope());
        IExpr value = ExprParser.parse(g.substring(eq + 3), new OpenScope());
        out.put(ExprPrinter.print(key), value);
      } catch (RuntimeException e) {
        return Map.of();
      }
    }
    return out;
  }

  static IExpr apply(IExpr e, Map<String, IExpr> map) {
    IExpr replaced = map.get(ExprPrinter.print(e));
    if (replaced != null) {
      return replaced;
    }
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = org.matheclipse.core.expression.F.ast(apply(ast.head(), map), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(apply(arg, map));
    }
    return rebuilt;
  }

  /** "n = 2, P(1) = 1 - y" in the reader's notation (Unicode names). */
  static String describe(Map<String, IExpr> map) {
    StringBuilder b = new StringBuilder();
    map.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ").append(ExprPrinter.print(v)));
    return b.toString();
  }

  /** The map in LaTeX, for the relation sign: n = 2, P(x_1) = 1 - y. */
  static String latex(Map<String, IExpr> map, Latex latex) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, IExpr> e : map.entrySet()) {
      IExpr key;
      try {
        key = ExprParser.parse(e.getKey(), new OpenScope());
      } catch (RuntimeException ex) {
        return "";
      }
      b.append(b.length() == 0 ? "" : ",\\ ").append(latex.print(key)).append(" = ").append(latex.print(e.getValue()));
    }
    return b.toString();
  }
}
