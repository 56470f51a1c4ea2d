package stepwise.pipeline;

import java.util.List;
import stepwise.model.Derivation;
import stepwise.rewrite.Rewritten;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/**
 * A derivation checked end to end: its rewritten steps with their verdicts, and whether it
 * passes (for a file recording a mistake, passing means some step was refuted).
 */
public record DerivationResult(Derivation derivation, Rewritten rewritten, List<StepVerdict> verdicts, Status status,
    boolean passes, String problem) {
  public DerivationResult {
    verdicts = List.copyOf(verdicts);
  }
}
