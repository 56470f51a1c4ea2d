package stepwise.rules;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.model.Text;

/**
 * A named definition such as entropy, H(p) = -Sum(p(i)*Log(p(i)), {i, lo, hi}). When the body
 * sums over a family, support names the parameter whose declared index and range stand for
 * index, lo and hi (so H(P) with P over i = 1..n sums over i = 1..n).
 */
public record Definition(String name, ISymbol head, List<ISymbol> params, IExpr body, ISymbol support,
    ISymbol index, ISymbol lo, ISymbol hi, String latex, Text description) {
  public Definition {
    params = List.copyOf(params);
  }

  public int arity() {
    return params.size();
  }
}
