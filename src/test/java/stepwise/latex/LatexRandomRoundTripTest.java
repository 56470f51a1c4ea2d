package stepwise.latex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.cas.Cas;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Assumptions;
import stepwise.model.Domains;
import stepwise.render.Latex;

/**
 * Random expressions through Stepwise's LaTeX printer and back: the tree read is the original
 * or is proved (or confirmed numerically) equal to it by the check equiv uses. The variables are
 * positive reals, so that logs and powers of them have one meaning.
 */
class LatexRandomRoundTripTest {
  static {
    Cas.warmUp();
  }

  private static final String[] NAMES = {"x", "y", "z", "n", "yhat", "theta", "x1", "xbar", "lr"};
  private static final Domains POSITIVE = Assumptions.toDomains(ExprParser.parse(
      String.join(" && ", java.util.Arrays.stream(NAMES).map(n -> n + " > 0").toList()), new OpenScope()),
      Domains.NONE);

  @Property(tries = 200, seed = "20261203")
  void printedLatexReadsBackAsTheSameFormula(@ForAll("expressions") IExpr original) {
    String latex = Latex.plain(original);
    List<String> failures = new ArrayList<>();
    LatexRoundTripTest.check("random", original, latex, LatexVocabulary.open(List.of(), List.of("lr")), POSITIVE,
        failures);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Provide
  Arbitrary<IExpr> expressions() {
    return expression(3);
  }

  private Arbitrary<IExpr> expression(int depth) {
    Arbitrary<IExpr> leaf = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of(NAMES).map(n -> (IExpr) UserSymbols.named(n))),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 12).map(k -> (IExpr) F.ZZ(k))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 9),
            Arbitraries.integers().between(2, 9)).as((a, b) -> (IExpr) F.QQ(a, b))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of((IExpr) S.Pi, S.E)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<IExpr> sub = Arbitraries.lazy(() -> expression(depth - 1));
    Arbitrary<IExpr> exponent = Arbitraries.oneOf(Arbitraries.of((IExpr) F.C2, F.C3, F.CN1, F.CN2, F.C1D2,
        F.QQ(1, 3)), Arbitraries.of(NAMES).map(n -> (IExpr) UserSymbols.named(n)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(3, sub.list().ofMinSize(2).ofMaxSize(3).map(Trees::plus)),
        net.jqwik.api.Tuple.of(3, sub.list().ofMinSize(2).ofMaxSize(3).map(Trees::times)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, exponent).as(Trees::power)),
        net.jqwik.api.Tuple.of(1, sub.map(Trees::negate)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> Trees.times(a, Trees.power(b, F.CN1)))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(S.Log, S.Sin, S.Cos, S.Tan, S.Sinh, S.Tanh,
            S.ArcTan, S.Abs, S.Gamma), sub).as((h, a) -> (IExpr) Trees.node(h, a))),
        net.jqwik.api.Tuple.of(1, sub.map(a -> Trees.power(S.E, a))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(2, 10), sub)
            .as((b, a) -> (IExpr) Trees.node(S.Log, F.ZZ(b), a))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> (IExpr) Trees.node(S.Max, a, b))),
        net.jqwik.api.Tuple.of(1, sub.map(a -> (IExpr) Trees.node(S.Sum,
            Trees.times(Trees.power(UserSymbols.named("k"), F.C2), a),
            Trees.node(S.List, UserSymbols.named("k"), F.C1, F.ZZ(4))))));
  }
}
