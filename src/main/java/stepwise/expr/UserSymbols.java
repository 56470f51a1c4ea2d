package stepwise.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The symbols of user input. They live outside Symja's contexts, so a user's N, D or I never
 * turns into Symja's built-in N, D or I, and names keep their case (yHat is not yhat). One
 * symbol per name per thread: Symja objects are not shared between threads' engines.
 */
public final class UserSymbols {
  // concurrent maps: a check abandoned at its deadline may still be reading them on its worker
  private static final ThreadLocal<Map<String, ISymbol>> BY_NAME = ThreadLocal.withInitial(ConcurrentHashMap::new);
  private static final ThreadLocal<Map<String, ISymbol>> FAMILIES = ThreadLocal.withInitial(ConcurrentHashMap::new);

  static {
    // a check run on a worker thread must meet the caller's symbols, not new ones of the same name
    stepwise.cas.Worker.carry(BY_NAME);
    stepwise.cas.Worker.carry(FAMILIES);
  }

  private UserSymbols() {}

  /**
   * Runs work with symbols of its own, dropped afterwards: calls of the Java API and requests of
   * the service share no symbol with earlier calls on the same thread (Symja's Sum assigns its
   * index in the symbol itself, and a check left behind at its deadline may still be running
   * with the earlier ones), and a long-lived thread does not collect every name it ever read.
   */
  public static <T> T isolated(java.util.function.Supplier<T> work) {
    Map<String, ISymbol> names = BY_NAME.get();
    Map<String, ISymbol> families = FAMILIES.get();
    BY_NAME.set(new ConcurrentHashMap<>());
    FAMILIES.set(new ConcurrentHashMap<>());
    try {
      return work.get();
    } finally {
      BY_NAME.set(names);
      FAMILIES.set(families);
    }
  }

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
