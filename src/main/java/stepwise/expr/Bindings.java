package stepwise.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** What the pattern variables of a rule matched; immutable. */
public final class Bindings {
  public static final Bindings EMPTY = new Bindings(Map.of());
  private final Map<ISymbol, IExpr> values;

  private Bindings(Map<ISymbol, IExpr> values) {
    this.values = values;
  }

  public IExpr get(ISymbol variable) {
    return values.get(variable);
  }

  public Bindings with(ISymbol variable, IExpr value) {
    Map<ISymbol, IExpr> next = new LinkedHashMap<>(values);
    next.put(variable, value);
    return new Bindings(Collections.unmodifiableMap(next));
  }

  public Map<ISymbol, IExpr> asMap() {
    return values;
  }

  /** The template with every bound variable replaced by its value, tidied. */
  public IExpr instantiate(IExpr template) {
    return Trees.tidy(Trees.substitute(template, values));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    values.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k.getSymbolName())
        .append(" -> ").append(ExprPrinter.print(v)));
    return out.append('}').toString();
  }
}
