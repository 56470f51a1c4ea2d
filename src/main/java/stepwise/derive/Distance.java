package stepwise.derive;

import java.util.HashMap;
import java.util.Map;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * How far an expression is from the goal: the size of the symmetric difference of the two
 * multisets of subtrees (every node stands for the subtree below it). Zero exactly when the two
 * trees are identical; a rule that rewrites one place changes only that place and the nodes
 * above it, so a step that brings a part into the goal's form lowers it. Cheap (linear in the
 * number of nodes, apart from hashing), which matters more than precision in a search that
 * scores every candidate.
 */
final class Distance {
  private final Map<IExpr, Integer> goal;
  private final int goalNodes;

  Distance(IExpr goal) {
    this.goal = subtrees(goal);
    this.goalNodes = this.goal.values().stream().mapToInt(Integer::intValue).sum();
  }

  int to(IExpr expr) {
    Map<IExpr, Integer> mine = subtrees(expr);
    int shared = 0;
    int nodes = 0;
    for (var e : mine.entrySet()) { // order does not matter: a sum of minima
      nodes += e.getValue();
      shared += Math.min(e.getValue(), goal.getOrDefault(e.getKey(), 0));
    }
    return (nodes - shared) + (goalNodes - shared);
  }

  private static Map<IExpr, Integer> subtrees(IExpr expr) {
    Map<IExpr, Integer> out = new HashMap<>();
    collect(expr, out);
    return out;
  }

  private static void collect(IExpr expr, Map<IExpr, Integer> out) {
    out.merge(expr, 1, Integer::sum);
    if (expr instanceof IAST ast) {
      for (int i = 1; i <= ast.argSize(); i++) {
        collect(ast.get(i), out);
      }
    }
  }
}
