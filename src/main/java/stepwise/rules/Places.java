package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.InputError;
import stepwise.model.Params;

/** Finding the places in a tree where a rule applies, and rewriting several at once. */
public final class Places {
  private Places() {}

  /** A place where a rule matched: its path, the subtree, the sums around it, and a payload. */
  public record Place<T>(List<Integer> path, IExpr subtree, List<Obligation.Iteration> within, T match) {}

  /** Every place (pre-order) where find gives a result, with the summations enclosing it. */
  public static <T> List<Place<T>> find(IExpr expr, Function<IExpr, Optional<T>> find) {
    List<Place<T>> out = new ArrayList<>();
    find(expr, new ArrayList<>(), new ArrayList<>(), find, out);
    return out;
  }

  private static <T> void find(IExpr expr, List<Integer> path, List<Obligation.Iteration> within,
      Function<IExpr, Optional<T>> find, List<Place<T>> out) {
    find.apply(expr).ifPresent(m -> out.add(new Place<>(List.copyOf(path), expr, List.copyOf(within), m)));
    if (!(expr instanceof IAST ast)) {
      return;
    }
    Obligation.Iteration iteration = iterationOf(ast);
    for (int i = 1; i <= ast.argSize(); i++) {
      boolean summand = iteration != null && i == 1;
      if (summand) {
        within.add(iteration);
      }
      path.add(i);
      find(ast.get(i), path, within, find, out);
      path.remove(path.size() - 1);
      if (summand) {
        within.remove(within.size() - 1);
      }
    }
  }

  /** Sum(f, {i, lo, hi}) or Product(..): its iteration, else null. */
  public static Obligation.Iteration iterationOf(IExpr expr) {
    if (expr instanceof IAST ast && (ast.head().equals(S.Sum) || ast.head().equals(S.Product)) && ast.argSize() == 2
        && ast.arg2() instanceof IAST spec && spec.head().equals(S.List) && spec.argSize() == 3
        && spec.arg1() instanceof ISymbol index) {
      return new Obligation.Iteration(index, spec.arg2(), spec.arg3());
    }
    return null;
  }

  /**
   * The places to rewrite: those chosen with at (1-based, in the order found), or else every
   * place not inside another chosen one.
   */
  public static <T> List<Place<T>> choose(List<Place<T>> places, List<Integer> at, String ruleName) {
    if (!at.isEmpty()) {
      List<Place<T>> chosen = new ArrayList<>();
      for (int n : at) {
        if (n < 1 || n > places.size()) {
          throw new Call.NotApplicable("rule " + ruleName + " applies at " + places.size() + " place"
              + (places.size() == 1 ? "" : "s") + ", so at: " + n + " does not exist");
        }
        chosen.add(places.get(n - 1));
      }
      return chosen;
    }
    List<Place<T>> chosen = new ArrayList<>();
    for (Place<T> place : places) {
      boolean nested = chosen.stream().anyMatch(c -> isPrefix(c.path(), place.path()));
      if (!nested) {
        chosen.add(place);
      }
    }
    return chosen;
  }

  private static boolean isPrefix(List<Integer> prefix, List<Integer> path) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /** Replaces the subtrees at the given paths all at once, then tidies the result. */
  public static IExpr replace(IExpr expr, Map<List<Integer>, IExpr> replacements) {
    return Trees.tidy(replace(expr, new ArrayList<>(), replacements));
  }

  private static IExpr replace(IExpr expr, List<Integer> path, Map<List<Integer>, IExpr> replacements) {
    IExpr direct = replacements.get(path);
    if (direct != null) {
      return direct;
    }
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    boolean below = replacements.keySet().stream().anyMatch(p -> p.size() > path.size() && isPrefix(path, p));
    if (!below) {
      return expr;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      path.add(i);
      rebuilt.append(replace(ast.get(i), path, replacements));
      path.remove(path.size() - 1);
    }
    return rebuilt;
  }

  /** The at: parameter: one number or a list of them; empty for "everywhere". */
  public static List<Integer> at(Params params) {
    List<String> raw = params.strings("at").orElse(Collections.emptyList());
    List<Integer> at = new ArrayList<>();
    for (String s : raw) {
      try {
        at.add(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        throw new InputError(params.sourceOf("at"), "at: takes place numbers (1, 2, ...), not '" + s + "'");
      }
    }
    return at;
  }
}
