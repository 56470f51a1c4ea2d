package stepwise.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Building and walking Symja trees without evaluating them. Symja's own builders (F.Times(a,b))
 * may re-order arguments; everything here keeps the order it is given.
 */
public final class Trees {
  static {
    stepwise.cas.Cas.start(); // Symja must be initialised before trees are built
  }

  private Trees() {}

  public static IASTAppendable node(IExpr head, IExpr... args) {
    IASTAppendable ast = F.ast(head, args.length);
    for (IExpr arg : args) {
      ast.append(arg);
    }
    return ast;
  }

  public static IASTAppendable node(IExpr head, Collection<? extends IExpr> args) {
    IASTAppendable ast = F.ast(head, args.size());
    for (IExpr arg : args) {
      ast.append(arg);
    }
    return ast;
  }

  /** The arguments of an AST, 1-based in Symja, as a list. */
  public static List<IExpr> args(IExpr expr) {
    List<IExpr> out = new ArrayList<>();
    if (expr instanceof IAST ast) {
      for (int i = 1; i <= ast.argSize(); i++) {
        out.add(ast.get(i));
      }
    }
    return out;
  }

  public static boolean isHead(IExpr expr, IExpr head) {
    return expr instanceof IAST ast && ast.head().equals(head);
  }

  public static IExpr deepCopy(IExpr expr) {
    return stepwise.cas.Cas.copy(expr);
  }

  /** Sum of terms, flattening nested sums; 0 for none, the term itself for one. */
  public static IExpr plus(List<? extends IExpr> terms) {
    return tidyNode(node(S.Plus, terms));
  }

  /** Product of factors, flattening nested products and gathering minus signs in front. */
  public static IExpr times(List<? extends IExpr> factors) {
    return tidyNode(node(S.Times, factors));
  }

  public static IExpr times(IExpr... factors) {
    return times(List.of(factors));
  }

  public static IExpr plus(IExpr... terms) {
    return plus(List.of(terms));
  }

  public static IExpr power(IExpr base, IExpr exponent) {
    return node(S.Power, base, exponent);
  }

  /** -expr, written the way an author would: -2 x, not -1*(2*x); -(-x) is x. */
  public static IExpr negate(IExpr expr) {
    if (expr instanceof INumber number) {
      return number.negate();
    }
    return times(F.CN1, expr);
  }

  /**
   * The light normal form every tree is kept in: nested sums and products are flattened, the
   * minus signs of a product are gathered in front (merged with a leading number), and one-term
   * sums or products are unwrapped. It never changes a value and never re-orders terms.
   */
  public static IExpr tidy(IExpr expr) {
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    IASTAppendable rebuilt = F.ast(tidy(ast.head()), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      rebuilt.append(tidy(ast.get(i)));
    }
    return tidyNode(rebuilt);
  }

  /** tidy() of one node whose children are already tidy. */
  private static IExpr tidyNode(IAST ast) {
    IExpr head = ast.head();
    if (!head.equals(S.Plus) && !head.equals(S.Times)) {
      return ast;
    }
    List<IExpr> flat = new ArrayList<>();
    for (int i = 1; i <= ast.argSize(); i++) {
      IExpr arg = ast.get(i);
      if (isHead(arg, head)) {
        flat.addAll(args(arg));
      } else {
        flat.add(arg);
      }
    }
    if (head.equals(S.Times)) {
      boolean negative = false;
      List<IExpr> rest = new ArrayList<>();
      for (IExpr factor : flat) {
        if (factor.isMinusOne()) {
          negative = !negative;
        } else {
          rest.add(factor);
        }
      }
      if (negative) {
        if (!rest.isEmpty() && rest.get(0) instanceof INumber first && !first.isOne()) {
          rest.set(0, first.negate());
        } else {
          if (!rest.isEmpty() && rest.get(0).isOne()) {
            rest.remove(0);
          }
          rest.add(0, F.CN1);
        }
      }
      flat = rest;
      if (flat.isEmpty()) {
        return F.C1;
      }
    } else if (flat.isEmpty()) {
      return F.C0;
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return node(head, flat);
  }

  /** Replaces every subtree equal to a key of the map (outermost first), without evaluating. */
  public static IExpr substitute(IExpr expr, Map<? extends IExpr, ? extends IExpr> map) {
    IExpr direct = map.get(expr);
    if (direct != null) {
      return direct;
    }
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    IASTAppendable rebuilt = F.ast(substitute(ast.head(), map), ast.argSize());
    boolean changed = rebuilt.head() != ast.head();
    for (int i = 1; i <= ast.argSize(); i++) {
      IExpr arg = substitute(ast.get(i), map);
      changed |= arg != ast.get(i);
      rebuilt.append(arg);
    }
    return changed ? rebuilt : ast;
  }

  /** Whether any subtree (heads included) satisfies the test. */
  public static boolean contains(IExpr expr, Predicate<IExpr> test) {
    if (test.test(expr)) {
      return true;
    }
    if (expr instanceof IAST ast) {
      if (contains(ast.head(), test)) {
        return true;
      }
      for (int i = 1; i <= ast.argSize(); i++) {
        if (contains(ast.get(i), test)) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean mentions(IExpr expr, Collection<? extends IExpr> symbols) {
    return contains(expr, symbols::contains);
  }

  /** Every symbol in the tree, heads included. */
  public static Set<ISymbol> symbols(IExpr expr) {
    Set<ISymbol> out = new HashSet<>();
    contains(expr, e -> {
      if (e instanceof ISymbol s) {
        out.add(s);
      }
      return false;
    });
    return out;
  }

  /** Visits every subtree in pre-order with its path (argument indices from the root). */
  public static void walk(IExpr expr, BiConsumer<List<Integer>, IExpr> visitor) {
    walk(expr, new ArrayList<>(), visitor);
  }

  private static void walk(IExpr expr, List<Integer> path, BiConsumer<List<Integer>, IExpr> visitor) {
    visitor.accept(List.copyOf(path), expr);
    if (expr instanceof IAST ast) {
      for (int i = 1; i <= ast.argSize(); i++) {
        path.add(i);
        walk(ast.get(i), path, visitor);
        path.remove(path.size() - 1);
      }
    }
  }

  public static IExpr at(IExpr expr, List<Integer> path) {
    IExpr current = expr;
    for (int index : path) {
      current = ((IAST) current).get(index);
    }
    return current;
  }

  /** A copy of expr with the subtree at path replaced (and the changed spine tidied). */
  public static IExpr replaceAt(IExpr expr, List<Integer> path, IExpr replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    IAST ast = (IAST) expr;
    int index = path.get(0);
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      rebuilt.append(i == index ? replaceAt(ast.get(i), path.subList(1, path.size()), replacement) : ast.get(i));
    }
    return tidyNode(rebuilt);
  }

  /** Number of nodes, a measure of size used to refuse exploding input. */
  public static int size(IExpr expr) {
    if (!(expr instanceof IAST ast)) {
      return 1;
    }
    int n = 1;
    for (int i = 1; i <= ast.argSize(); i++) {
      n += size(ast.get(i));
    }
    return n;
  }
}
