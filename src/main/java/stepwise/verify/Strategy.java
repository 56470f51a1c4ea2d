package stepwise.verify;

import java.util.List;
import stepwise.cas.Cas;

/**
 * One way of deciding a claim (sampling, a symbolic prover, a rule's authority, a deeper
 * search): it adds what it finds to the evidence or passes. A check is a list of strategies
 * run in order until one settles it; {@link Evidence#decide} alone turns the evidence into the
 * verdict. A new prover is one more entry in a list.
 */
@FunctionalInterface
interface Strategy {
  void attempt(Evidence evidence, Budget budget);

  /** Runs the strategies in order until the evidence is settled or the time is up. */
  static Evidence run(String what, Budget budget, List<Strategy> strategies) {
    Evidence evidence = new Evidence(what);
    for (Strategy s : strategies) {
      if (evidence.settled()) {
        break;
      }
      if (budget.expired()) {
        evidence.timeLimit = "time limit (" + Budget.seconds(budget.total()) + " s) reached";
        break;
      }
      try {
        s.attempt(evidence, budget);
      } catch (Cas.DeadlineExceeded e) {
        evidence.timeLimit = "time limit (" + Budget.seconds(budget.total()) + " s) reached in the symbolic check";
        evidence.timeLimitInProof = true;
      }
    }
    return evidence;
  }
}
