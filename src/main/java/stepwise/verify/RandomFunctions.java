package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domains;

/**
 * An arbitrary function F (a user symbol applied to arguments that is not an indexed family)
 * sampled as a random smooth function, the same one for every call of F in a check: the
 * calls are replaced by F's formula before sampling, so F(x + 1 - 1) and F(x) get the same
 * value, exactly as the formula evaluates. The formula is
 * F(t_1..t_m) = a_0 + sum over j = 1..3 of a_j Sin(w_j1 t_1 + ... + w_jm t_m + phi_j),
 * with coefficients and phases drawn as two-decimal numbers from F's name, and frequencies
 * rational multiples of square roots of distinct primes: the sines are independent over the
 * rationals, so F has no period, no parity and no algebraic relation with its shifts or
 * scalings that a false identity could hit by chance. Derivatives of F (Derivative(1)[F][x])
 * are the formula's derivatives. Proofs never see the formula: only sampling does, so an
 * identity that holds for this F is confirmed (never proved), and one that fails is refuted
 * at a certified point of this F, whose formula the verdict states.
 */
final class RandomFunctions {
  private static final int WAVES = 3;
  private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};

  private RandomFunctions() {}

  /** e with every call of an arbitrary function replaced by its random formula. */
  static IExpr drawn(IExpr e, Domains domains, Set<String> definitions) {
    Map<ISymbol, Integer> functions = functions(e, domains, definitions);
    if (functions.isEmpty()) {
      return e;
    }
    return replace(e, functions);
  }

  /** " (an arbitrary function is sampled as a random smooth one: F(t) = ...)" for the functions in the expressions, or "". */
  static String note(Domains domains, Set<String> definitions, IExpr... expressions) {
    Map<ISymbol, Integer> all = new LinkedHashMap<>();
    for (IExpr e : expressions) {
      all.putAll(functions(e, domains, definitions));
    }
    if (all.isEmpty()) {
      return "";
    }
    List<String> shown = new ArrayList<>();
    all.forEach((f, arity) -> {
      List<IExpr> args = variables(arity);
      shown.add(f.getSymbolName() + "(" + String.join(", ", args.stream().map(ExprPrinter::print).toList()) + ") = "
          + ExprPrinter.print(formula(f, arity, args)));
    });
    return " (an arbitrary function is sampled as a random smooth one: " + String.join("; ", shown) + ")";
  }

  /** The arbitrary functions called in e, with their number of arguments (catalogue definitions are not arbitrary). */
  static Map<ISymbol, Integer> functions(IExpr e, Domains domains, Set<String> definitions) {
    Map<ISymbol, Integer> out = new LinkedHashMap<>();
    Set<ISymbol> mixed = new LinkedHashSet<>();
    Trees.walk(e, (path, sub) -> {
      ISymbol f = called(sub);
      if (f != null && domains.family(f) == null && sub.argSize() > 0 && !definitions.contains(f.getSymbolName())) {
        Integer before = out.putIfAbsent(f, sub.argSize());
        if (before != null && before != sub.argSize()) {
          mixed.add(f); // called with different numbers of arguments: not one function
        }
      }
    });
    mixed.forEach(out::remove);
    return out;
  }

  /** The user symbol called by sub (F(x), or F inside Derivative(n)[F][x]), or null. */
  private static ISymbol called(IExpr sub) {
    if (!(sub instanceof IAST ast)) {
      return null;
    }
    IExpr head = ast.head();
    if (head instanceof ISymbol f && UserSymbols.isUser(f)) {
      return f;
    }
    if (head instanceof IAST inner && inner.argSize() == 1 && inner.arg1() instanceof ISymbol f && UserSymbols.isUser(f)
        && Trees.isHead(inner.head(), S.Derivative)) {
      return f;
    }
    return null;
  }

  private static IExpr replace(IExpr e, Map<ISymbol, Integer> functions) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(replace(arg, functions));
    }
    if (Trees.isHead(rebuilt, S.D) && !Trees.contains(rebuilt.arg1(), x -> called(x) != null && functions.containsKey(called(x)))) {
      // D(F(x)^2, x) stayed a D while F was unknown: with F's formula in place it can be taken
      IExpr derivative = SymbolicProver.symja(rebuilt);
      if (derivative != null && !Trees.contains(derivative, x -> x.equals(S.D) || x.equals(S.Derivative))) {
        return derivative;
      }
    }
    ISymbol f = called(rebuilt);
    if (f == null || !functions.containsKey(f) || functions.get(f) != rebuilt.argSize()) {
      return rebuilt;
    }
    int arity = rebuilt.argSize();
    List<IExpr> variables = variables(arity);
    IExpr body = formula(f, arity, variables);
    if (!(rebuilt.head() instanceof ISymbol)) {
      // Derivative(n_1, ..., n_m)[F][args]: the formula differentiated n_i times in its i-th argument
      IAST orders = (IAST) ((IAST) rebuilt.head()).head();
      if (orders.argSize() != arity) {
        return rebuilt;
      }
      for (int i = 1; i <= arity; i++) {
        IExpr n = orders.get(i);
        if (!n.isInteger() || n.isNegative()) {
          return rebuilt;
        }
        if (!n.isZero()) {
          body = SymbolicProver.symja(F.D(body, F.List(variables.get(i - 1), n)));
          if (body == null) {
            return rebuilt;
          }
        }
      }
    }
    Map<IExpr, IExpr> at = new LinkedHashMap<>();
    for (int i = 0; i < arity; i++) {
      at.put(variables.get(i), rebuilt.get(i + 1));
    }
    return Trees.substitute(body, at);
  }

  private static List<IExpr> variables(int arity) {
    List<IExpr> out = new ArrayList<>();
    for (int i = 1; i <= arity; i++) {
      out.add(UserSymbols.named(arity == 1 ? "t" : "t" + i));
    }
    return out;
  }

  /** F's formula in the given variables, drawn from F's name (the same in every check and run). */
  static IExpr formula(ISymbol f, int arity, List<IExpr> variables) {
    SplittableRandom random = new SplittableRandom(f.getSymbolName().hashCode() * 1_000_003L + arity);
    List<IExpr> terms = new ArrayList<>();
    terms.add(twoDecimals(random, -2, 2));
    int prime = 0;
    for (int j = 0; j < WAVES; j++) {
      List<IExpr> phase = new ArrayList<>();
      for (int i = 0; i < arity; i++) {
        // a frequency between 1/2 and 3/2 times the square root of a prime no other frequency uses
        IExpr w = Trees.times(twoDecimals(random, 0.5, 1.5), F.Sqrt(F.ZZ(PRIMES[prime++ % PRIMES.length])));
        phase.add(Trees.times(w, variables.get(i)));
      }
      phase.add(twoDecimals(random, 0, 3));
      IExpr amplitude = twoDecimals(random, 0.3, 2);
      terms.add(Trees.times(random.nextBoolean() ? amplitude : Trees.negate(amplitude), F.Sin(Trees.plus(phase))));
    }
    return Trees.plus(terms);
  }

  /** A number n/100 in [lo, hi], exact. */
  private static IExpr twoDecimals(SplittableRandom random, double lo, double hi) {
    long n = Math.round(100 * (lo + (hi - lo) * random.nextDouble()));
    return SymbolicProver.symja(F.Divide(F.ZZ(n), F.ZZ(100)));
  }
}
