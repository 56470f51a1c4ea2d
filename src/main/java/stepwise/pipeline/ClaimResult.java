package stepwise.pipeline;

import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Claim;
import stepwise.verify.Finding;

/** A claim with both sides resolved and its verdict. */
public record ClaimResult(Claim claim, IExpr left, IExpr right, Finding finding, boolean passes) {}
