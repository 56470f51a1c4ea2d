package stepwise.verify;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.Trees;
import stepwise.model.Domains;

/**
 * The form of an expression that sampling evaluates (the proofs see it as written): an
 * arbitrary function becomes its random formula (RandomFunctions), and an indicator a
 * Piecewise, which the double-precision evaluator, the high-precision re-check and the
 * breakpoint search all read: KroneckerDelta(a, b, ...) is 1 where all arguments are equal,
 * Boole(c) is 1 where c holds, else 0 (so the sampler also tries a == b, where they switch).
 */
final class SamplingForm {
  private SamplingForm() {}

  /** definitions: names of the catalogue's definitions (H, KL), never taken as arbitrary functions. */
  static IExpr of(IExpr e, Domains domains, java.util.Set<String> definitions) {
    return RandomFunctions.drawn(indicators(e), domains, definitions);
  }

  static IExpr indicators(IExpr e) {
    if (!(e instanceof IAST ast)) {
      return e;
    }
    IASTAppendable rebuilt = F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(indicators(arg));
    }
    IExpr condition = null;
    if (Trees.isHead(rebuilt, S.Boole) && rebuilt.argSize() == 1) {
      condition = rebuilt.arg1();
    } else if (Trees.isHead(rebuilt, S.KroneckerDelta) && rebuilt.argSize() >= 1) {
      List<IExpr> equal = new ArrayList<>();
      for (int i = 2; i <= rebuilt.argSize(); i++) {
        equal.add(F.Equal(rebuilt.get(1), rebuilt.get(i)));
      }
      // one argument: KroneckerDelta(a) is 1 at a == 0
      condition = equal.isEmpty() ? F.Equal(rebuilt.arg1(), F.C0) : equal.size() == 1 ? equal.get(0) : Trees.node(S.And, equal);
    }
    return condition == null ? rebuilt : F.Piecewise(F.List(F.List(F.C1, condition)), F.C0);
  }
}
