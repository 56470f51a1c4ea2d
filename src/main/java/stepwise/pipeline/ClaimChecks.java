package stepwise.pipeline;

import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.expr.ExprPrinter;
import stepwise.model.Claim;
import stepwise.model.Relation;
import stepwise.verify.Finding;
import stepwise.verify.Status;
import stepwise.verify.Verifier;

/** Checking a claim: identical (same expression, term for term), =, <=, >=, <, >. */
final class ClaimChecks {
  private ClaimChecks() {}

  static Finding check(Claim c, IExpr left, IExpr right, Verifier verifier) {
    String what = c.id();
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
