package stepwise.expr;

import java.util.HashMap;
import java.util.Map;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The symbols of user input. They live outside Symja's contexts, so a user's N, D or I never
 * turns into Symja's built-in N, D or I, and names keep their case (yHat is not yhat). One
 * symbol per name per thread: Symja objects are not shared between threads' engines.
 */
public final class UserSymbols {
  private static final ThreadLocal<Map<String, ISymbol>> BY_NAME = ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<String, ISymbol>> FAMILIES = ThreadLocal.withInitial(HashMap::new);

  private UserSymbols() {}

  public static ISymbol named(String name) {
    return BY_NAME.get().computeIfAbsent(name, n -> new Symbol(n, Context.DUMMY));
  }

  /**
   * A family symbol printed with the same name as a scalar one: the per-sample copies y(k) of
   * a variable y. It is a different symbol, so y and y(k) never get confused.
   */
  public static ISymbol familyNamed(String name) {
    return FAMILIES.get().computeIfAbsent(name, n -> new Symbol(n, Context.DUMMY));
  }

  /** Whether the symbol is a user symbol (as opposed to a Symja built-in). */
  public static boolean isUser(ISymbol symbol) {
    return symbol.getContext() == Context.DUMMY;
  }
}
