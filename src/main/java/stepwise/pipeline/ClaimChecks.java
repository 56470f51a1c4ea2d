package stepwise.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.UserSymbols;
import stepwise.model.Claim;
import stepwise.model.Relation;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.Verifier;

/**
 * Checking a claim: identical (same expression, term for term), =, <=, >=, <, >, or a shape
 * (convex, concave, increasing, decreasing in given variables). A claim may name a derivation
 * that proves it; it is still checked at sample points.
 */
final class ClaimChecks {
  private ClaimChecks() {}

  static Finding check(Claim c, IExpr left, IExpr right, Verifier verifier, DerivationResult proof) {
    Finding direct = direct(c, left, right, verifier);
    if (proof == null || direct.status() == Status.REFUTED || direct.status() == Status.PROVED) {
      return direct;
    }
    String why = proves(proof, left, right, c.relation(), (a, b) -> verifier.sameByDefinition(a, b, c.domains()));
    if (why != null) {
      return new Finding(direct.what(), direct.status(), direct.method(), direct.samples(), direct.maxError(), null,
          "derivation " + proof.derivation().id() + " does not prove it: " + why, direct.spots());
    }
    return new Finding(direct.what(), Status.PROVED, "by derivation " + proof.derivation().id()
        + (direct.samples() > 0 ? ", and it holds at " + direct.samples() + " sample points" : ""),
        direct.samples(), direct.maxError(), null, "", direct.spots());
  }

  /** Null if the derivation proves left RELATION right (read either way round); else why not. */
  private static String proves(DerivationResult proof, IExpr left, IExpr right, String relation,
      java.util.function.BiPredicate<IExpr, IExpr> same) {
    if (proof.rewritten() == null || !proof.passes() || proof.status() != Status.PROVED || proof.derivation().expectFailure()) {
      return "it is not proved (" + proof.status().words() + ")";
    }
    if (!proof.rewritten().given().isEmpty()) {
      return "it assumes " + String.join(", ", proof.rewritten().given()) + ", so it proves only that case";
    }
    IExpr start = proof.rewritten().start();
    IExpr end = proof.rewritten().end();
    Relation r = proof.rewritten().relation();
    if (!(r instanceof Relation.Order o)) {
      return "it shows '" + (r == null ? "no relation" : r.symbol()) + "', not an order";
    }
    if (right != null && same.test(start, left) && same.test(end, right) && implies(o.op(), relation)) {
      return null;
    }
    if (right != null && same.test(start, right) && same.test(end, left) && implies(flip(o.op()), relation)) {
      return null; // start >= end is end <= start
    }
    return "it shows " + ExprPrinter.print(start) + " " + r.symbol() + " " + ExprPrinter.print(end)
        + ", which is not the claim";
  }

  private static boolean implies(Relation.Op op, String relation) {
    return switch (relation) {
      case "=", "==" -> op == Relation.Op.EQ;
      case ">=" -> op == Relation.Op.EQ || op == Relation.Op.GE || op == Relation.Op.GT;
      case "<=" -> op == Relation.Op.EQ || op == Relation.Op.LE || op == Relation.Op.LT;
      case ">" -> op == Relation.Op.GT;
      case "<" -> op == Relation.Op.LT;
      default -> false;
    };
  }

  private static Relation.Op flip(Relation.Op op) {
    return switch (op) {
      case LE -> Relation.Op.GE;
      case GE -> Relation.Op.LE;
      case LT -> Relation.Op.GT;
      case GT -> Relation.Op.LT;
      case EQ -> Relation.Op.EQ;
    };
  }

  private static Finding direct(Claim c, IExpr left, IExpr right, Verifier verifier) {
    String what = c.id();
    if (c.isShape()) {
      List<ISymbol> variables = new ArrayList<>();
      c.variables().forEach(v -> variables.add(UserSymbols.named(v)));
      return verifier.shape(what, left, variables, c.relation(), c.domains());
    }
    switch (c.relation()) {
      case "identical": {
        if (left.equals(right)) {
          return new Finding(what, Status.PROVED, "identical expressions", 0, 0, null, "", List.of());
        }
        Finding value = verifier.equal(what, left, right, c.domains(), List.of(), null);
        String also = value.status().holds() ? "they are equal in value, but written differently"
            : value.status() == Status.REFUTED ? "they also differ in value: " + value.reason()
            : "whether they are equal in value is unknown";
        return new Finding(what, Status.REFUTED, "", value.samples(), value.maxError(), value.counterexample(),
            "not identical: " + ExprPrinter.print(left) + " vs " + ExprPrinter.print(right) + "; " + also, value.spots());
      }
      case "=", "==":
        return verifier.equal(what, left, right, c.domains(), List.of(), null);
      case "<=":
        return verifier.order(what, left, Relation.Op.LE, right, c.domains(), null);
      case ">=":
        return verifier.order(what, left, Relation.Op.GE, right, c.domains(), null);
      case "<":
        return verifier.order(what, left, Relation.Op.LT, right, c.domains(), null);
      case ">":
        return verifier.order(what, left, Relation.Op.GT, right, c.domains(), null);
      default:
        return new Finding(what, Status.UNKNOWN, "", 0, 0, null, "unknown relation " + c.relation(), List.of());
    }
  }
}
