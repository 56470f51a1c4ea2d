package stepwise.expr;

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
    var function = Builtins.function(name);
    if (function.isPresent()) {
      var f = function.get();
      if (arity < f.minArgs() || arity > f.maxArgs()) {
        throw new ExprSyntaxError(name + " takes " + (f.minArgs() == f.maxArgs() ? "" + f.minArgs()
            : f.minArgs() + " to " + f.maxArgs()) + " arguments, got " + arity, offset);
      }
      return f.symbol();
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
