package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.Fixtures;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.Verifier;

/**
 * Every rewrite rule of the catalogue, on its own: its two sides agree at random points that
 * satisfy its side conditions, and a deliberately wrong variant (a sign flipped) is refuted
 * with a counterexample.
 */
class RuleSoundnessTest {
  private final Verifier verifier = Fixtures.verifier();

  @TestFactory
  Stream<DynamicTest> everyRewriteRuleIsSound() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : Fixtures.catalogue().rules()) {
      // derivatives D(.., x_) need their variables to be functions of x: CalculusRulesTest
      if (rule instanceof PatternRule p && !Trees.isHead(p.lhs(), S.D)) {
        tests.add(DynamicTest.dynamicTest(rule.name(), () -> checkRule(p)));
      }
    }
    assertTrue(tests.size() >= 20, "the catalogue should have its rewrite rules");
    return tests.stream();
  }

  private void checkRule(PatternRule rule) {
    Instance instance = instantiate(rule);
    Finding holds = verifier.equal(rule.name(), instance.left, instance.right, instance.domains, List.of(), null);
    assertTrue(holds.status().holds(), () -> rule.name() + ": " + ExprPrinter.print(instance.left) + " = "
        + ExprPrinter.print(instance.right) + " should hold, got " + holds.status() + " " + holds.reason());
    boolean constant = Trees.symbols(instance.left).stream().noneMatch(UserSymbols::isUser);
    assertTrue(holds.samples() >= 100 || constant && holds.samples() >= 1, rule.name() + ": too few samples " + holds.samples());

    IExpr wrong = mutate(instance.right);
    Finding refuted = verifier.equal(rule.name() + " (wrong)", instance.left, wrong, instance.domains, List.of(), null);
    assertEquals(Status.REFUTED, refuted.status(), () -> rule.name() + ": the wrong variant "
        + ExprPrinter.print(instance.left) + " = " + ExprPrinter.print(wrong) + " should be refuted, got " + refuted);
    assertNotNull(refuted.counterexample());
  }

  /** A sign flipped: the last term of a sum, or the whole expression; a constant shifted otherwise. */
  static IExpr mutate(IExpr e) {
    if (Trees.isHead(e, S.Plus)) {
      List<IExpr> terms = new ArrayList<>(Trees.args(e));
      terms.set(terms.size() - 1, Trees.negate(terms.get(terms.size() - 1)));
      return Trees.plus(terms);
    }
    if (Trees.isHead(e, S.Times) || Trees.isHead(e, S.Sum)) {
      return Trees.negate(e);
    }
    return Trees.plus(e, F.C1);
  }

  private record Instance(IExpr left, IExpr right, Domains domains) {}

  /**
   * INDEX2, LOW2, HIGH2: the bounds of a sum nested in another (its own index and size);
   * SUMMAND2: a summand inside both, a two-index family; EVENT: the condition of an indicator
   * Boole(a), a condition on the index (u(k) > 0 for a real family u).
   */
  private enum Role { INDEX, LOW, HIGH, SUMMAND, SCALAR, FAMILY, INDEX2, LOW2, HIGH2, SUMMAND2, EVENT }

  /**
   * Each pattern variable becomes a fresh variable (or family member) in the domain its
   * conditions ask for; the rule's other conditions (lo <= a, a <= hi) become filters of the
   * sample points, so only instances where the rule applies are checked.
   */
  private static Instance instantiate(PatternRule rule) {
    Map<ISymbol, Role> roles = new LinkedHashMap<>();
    findRoles(rule.lhs(), 0, roles);
    for (IExpr c : rule.when()) {
      if (Trees.isHead(c, S.FreeQ) && ((IAST) c).arg1() instanceof ISymbol v
          && (roles.get(v) == Role.SUMMAND || roles.get(v) == Role.SUMMAND2)) {
        roles.put(v, Role.SCALAR);
      }
    }
    for (IExpr c : rule.where()) {
      if (Trees.isHead(c, Predicates.DISTRIBUTION) && ((IAST) c).arg1() instanceof ISymbol v) {
        roles.put(v, Role.FAMILY); // E(q_, ..) with Distribution(q): q is a distribution though never called
      }
    }
    ISymbol index = UserSymbols.named("k");
    ISymbol size = UserSymbols.named("m");
    ISymbol index2 = UserSymbols.named("l");
    ISymbol size2 = UserSymbols.named("m2");
    Map<ISymbol, Domain> declared = new LinkedHashMap<>();
    declared.put(size, Domain.POSITIVE_INTEGERS);
    if (roles.containsValue(Role.HIGH2)) {
      declared.put(size2, Domain.POSITIVE_INTEGERS);
    }
    Map<IExpr, IExpr> values = new HashMap<>();
    int n = 0;
    for (var e : roles.entrySet()) {
      ISymbol v = e.getKey();
      Domain domain = domainFor(v, rule);
      IExpr value;
      switch (e.getValue()) {
        case INDEX -> value = index;
        case LOW -> value = F.C1;
        case HIGH -> value = size;
        case INDEX2 -> value = index2;
        case LOW2 -> value = F.C1;
        case HIGH2 -> value = size2;
        case SUMMAND2 -> {
          ISymbol family = UserSymbols.named("w" + (++n));
          declared.put(family, new Domain.Family(index, F.C1, size, domain == null ? Domain.REALS : domain, false,
              new Domain.Axis(index2, F.C1, size2)));
          value = Trees.node(family, index, index2);
        }
        case EVENT -> {
          ISymbol family = UserSymbols.named("u" + (++n));
          declared.put(family, new Domain.Family(index, F.C1, size, Domain.REALS, false));
          value = F.Greater(Trees.node(family, index), F.C0);
        }
        case FAMILY -> {
          ISymbol family = UserSymbols.named("f" + (++n));
          boolean distribution = rule.where().stream().anyMatch(c -> Trees.isHead(c, Predicates.DISTRIBUTION)
              && ((IAST) c).arg1().equals(v));
          declared.put(family, new Domain.Family(index, F.C1, size, distribution ? Domain.UNIT_OPEN : Domain.REALS,
              distribution));
          value = family;
        }
        case SUMMAND -> {
          ISymbol family = UserSymbols.named("u" + (++n));
          declared.put(family, new Domain.Family(index, F.C1, size, domain == null ? Domain.REALS : domain, false));
          value = Trees.node(family, index);
        }
        default -> {
          ISymbol scalar = UserSymbols.named("x" + (++n));
          if (domain != null) {
            declared.put(scalar, domain);
          }
          value = scalar;
        }
      }
      values.put(v, value);
    }
    IExpr left = Trees.tidy(replacePatterns(rule.lhs(), values));
    IExpr right = Trees.tidy(Trees.substitute(rule.rhs(), values));
    List<IExpr> filters = new ArrayList<>();
    for (IExpr c : rule.where()) {
      IExpr filter = Trees.substitute(c, values);
      // a condition on scalars and sizes only: one on an index or a family member is the domains' job
      if (!Trees.isHead(c, Predicates.DISTRIBUTION) && !Trees.isHead(c, S.FreeQ) && Trees.symbols(filter).stream()
          .noneMatch(x -> x.equals(index) || x.equals(index2) || declared.get(x) instanceof Domain.Family)) {
        filters.add(filter);
      }
    }
    return new Instance(left, right, new Domains(declared, List.of(), filters));
  }

  /** depth: how many sums enclose e (the outer sum's bounds are INDEX..HIGH, the inner one's INDEX2..HIGH2). */
  private static void findRoles(IExpr e, int depth, Map<ISymbol, Role> roles) {
    if (e instanceof IPatternObject p) {
      roles.putIfAbsent(p.getSymbol(), depth == 0 ? Role.SCALAR : depth == 1 ? Role.SUMMAND : Role.SUMMAND2);
      return;
    }
    if (!(e instanceof IAST ast)) {
      return;
    }
    if (ast.head() instanceof IPatternObject head) {
      roles.put(head.getSymbol(), Role.FAMILY); // q_(i_): a family, called with an index
    }
    if (ast.head().equals(S.Boole) && ast.argSize() == 1 && ast.arg1() instanceof IPatternObject event) {
      roles.put(event.getSymbol(), Role.EVENT);
      return;
    }
    if ((ast.head().equals(S.Sum) || ast.head().equals(S.Product)) && ast.argSize() == 2 && ast.arg2() instanceof IAST spec && spec.argSize() == 3) {
      Role[] bounds = depth == 0 ? new Role[] {Role.INDEX, Role.LOW, Role.HIGH} : new Role[] {Role.INDEX2, Role.LOW2, Role.HIGH2};
      for (int i = 1; i <= 3; i++) {
        if (spec.get(i) instanceof IPatternObject p) {
          roles.putIfAbsent(p.getSymbol(), bounds[i - 1]);
        }
      }
      findRoles(ast.arg1(), depth + 1, roles);
      return;
    }
    for (IExpr arg : Trees.args(ast)) {
      findRoles(arg, depth, roles);
    }
  }

  /** The domain a rule's conditions give a variable: a > 0 positive, Element(b, Reals) real, ... */
  private static Domain domainFor(ISymbol v, PatternRule rule) {
    Domain domain = null;
    for (IExpr c : rule.where()) {
      if (!(c instanceof IAST ast) || ast.argSize() != 2 || !ast.arg1().equals(v)) {
        continue;
      }
      if (ast.head().equals(S.Less) && ast.arg2().isOne() && domain == Domain.POSITIVE) {
        domain = Domain.UNIT_OPEN; // p > 0 and p < 1
      } else if (ast.head().equals(S.Greater) && ast.arg2().isZero()) {
        domain = Domain.POSITIVE;
      } else if (ast.head().equals(S.GreaterEqual) && ast.arg2().isZero()) {
        domain = new Domain.Real(Domain.Bound.closed(BigDecimal.ZERO), Domain.Bound.POS_INFINITY, false);
      } else if (ast.head().equals(S.Element) && ast.arg2().equals(S.Reals) && domain == null) {
        domain = Domain.REALS;
      } else if (ast.head().equals(S.Element) && ast.arg2().equals(S.Integers)) {
        domain = new Domain.Real(Domain.Bound.closed(BigDecimal.valueOf(-4)), Domain.Bound.closed(BigDecimal.valueOf(4)), true);
      }
    }
    return domain;
  }

  private static IExpr replacePatterns(IExpr e, Map<IExpr, IExpr> values) {
    if (e instanceof IPatternObject p) {
      return values.get(p.getSymbol());
    }
    if (!(e instanceof IAST ast)) {
      return e;
    }
    var rebuilt = F.ast(replacePatterns(ast.head(), values), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(replacePatterns(arg, values));
    }
    return rebuilt;
  }
}
