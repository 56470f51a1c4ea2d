package stepwise.expr;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The Symja functions and constants that input may name. Anything else that Symja knows is
 * refused at parse time, which keeps file, network and JVM functions out of reach.
 */
public final class Builtins {
  /** A function input may call, with the number of arguments it accepts. */
  public record Function(IBuiltInSymbol symbol, int minArgs, int maxArgs) {}

  private static final Map<String, Function> FUNCTIONS = new HashMap<>();
  private static final Map<String, IExpr> CONSTANTS = new HashMap<>();

  static {
    stepwise.cas.Cas.start();
    fn(S.Log, 1, 2);
    fn(S.Exp, 1, 1);
    fn(S.Sqrt, 1, 1);
    fn(S.Abs, 1, 1);
    fn(S.Sign, 1, 1);
    for (IBuiltInSymbol trig : new IBuiltInSymbol[] {S.Sin, S.Cos, S.Tan, S.Cot, S.Sec, S.Csc,
        S.ArcSin, S.ArcCos, S.Sinh, S.Cosh, S.Tanh, S.Coth, S.ArcSinh, S.ArcCosh, S.ArcTanh}) {
      fn(trig, 1, 1);
    }
    fn(S.ArcTan, 1, 2);
    fn(S.Sum, 2, 2);
    fn(S.Product, 2, 2);
    fn(S.Binomial, 2, 2);
    fn(S.Factorial, 1, 1);
    fn(S.Gamma, 1, 1);
    // the special functions a statistics text uses (pure functions, evaluated numerically by the sampler)
    fn(S.LogGamma, 1, 1);
    fn(S.Beta, 2, 2);
    fn(S.PolyGamma, 1, 2);
    fn(S.Pochhammer, 2, 2);
    fn(S.Zeta, 1, 1);
    fn(S.Erf, 1, 1);
    fn(S.Erfc, 1, 1);
    fn(S.Floor, 1, 1);
    fn(S.Ceiling, 1, 1);
    fn(S.Max, 1, 8);
    fn(S.Min, 1, 8);
    fn(S.Re, 1, 1);
    fn(S.Im, 1, 1);
    fn(S.Conjugate, 1, 1);
    fn(S.D, 2, 2);
    fn(S.Element, 2, 2);
    fn(S.Piecewise, 1, 2);
    // indicators: 1 where the arguments are equal (the condition holds), else 0; exact in proofs, a Piecewise when sampled
    fn(S.KroneckerDelta, 1, 8);
    fn(S.Boole, 1, 1);
    constant(S.Pi);
    constant(S.E);
    constant(S.I);
    constant(S.EulerGamma);
    constant(S.Infinity);
    constant(S.True);
    constant(S.False);
    constant(S.Reals);
    constant(S.Integers);
    constant(S.Complexes);
    constant(S.Rationals);
  }

  private Builtins() {}

  private static void fn(IBuiltInSymbol symbol, int min, int max) {
    FUNCTIONS.put(symbol.toString(), new Function(symbol, min, max)); // toString: "Log"; the name is "log"
  }

  private static void constant(IBuiltInSymbol symbol) {
    CONSTANTS.put(symbol.toString(), symbol);
  }

  /**
   * The function called by this name: exact spelling, or all lower case ("log", "sqrt") for
   * names longer than one letter. One letter is case-sensitive, as in Symja's relaxed syntax
   * (P and p differ), so d stays free for a dimension: only D is the derivative.
   */
  public static Optional<Function> function(String name) {
    Function exact = FUNCTIONS.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (name.length() == 1) {
      return Optional.empty();
    }
    for (Function f : FUNCTIONS.values()) {
      if (f.symbol().toString().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The built-in a call name(...) with this many arguments stands for, if name is an allowed
   * function; a wrong number of arguments is a syntax error at offset.
   */
  public static Optional<IExpr> call(String name, int arity, int offset) {
    Optional<Function> function = function(name);
    if (function.isEmpty()) {
      return Optional.empty();
    }
    Function f = function.get();
    if (arity < f.minArgs() || arity > f.maxArgs()) {
      throw new ExprSyntaxError(name + " takes " + (f.minArgs() == f.maxArgs() ? "" + f.minArgs()
          : f.minArgs() + " to " + f.maxArgs()) + " arguments, got " + arity, offset);
    }
    return Optional.of(f.symbol());
  }

  /** The constant by this exact name (Pi, E, I, Infinity, True, ...). */
  public static Optional<IExpr> constant(String name) {
    return Optional.ofNullable(CONSTANTS.get(name));
  }

  /** Whether Symja has any built-in by this name (in any letter case), allowed or not. */
  public static boolean isSymjaName(String name) {
    String key = name.length() == 1 ? name : name.toLowerCase(Locale.ROOT); // Symja's own keying
    return org.matheclipse.core.expression.Context.SYSTEM.get(key) != null;
  }
}
