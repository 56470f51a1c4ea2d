package stepwise.expr;

import java.util.Optional;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The scope of free-standing formulas (the equiv command): allowed built-ins by name, and any
 * other name is a user symbol or function. Calls to Symja built-ins outside the allow-list are
 * refused; a bare name is always a user symbol (N, K or C are fine as variables).
 */
public class OpenScope implements Scope {
  @Override
  public IExpr symbol(String name, int offset) {
    return Builtins.constant(name).orElseGet(() -> UserSymbols.named(name));
  }

  @Override
  public IExpr head(String name, int arity, int offset) {
    Optional<IExpr> builtIn = Builtins.call(name, arity, offset);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    return userFunction(name, offset);
  }

  /** A call to a name that is not an allowed built-in: a user function, unless Symja owns it. */
  protected IExpr userFunction(String name, int offset) {
    if (Builtins.isSymjaName(name)) {
      throw new ExprSyntaxError(name + " is a Symja function Stepwise does not allow here", offset);
    }
    return UserSymbols.named(name);
  }
}
