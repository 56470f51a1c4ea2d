package stepwise.verify;

/**
 * The verdict on one obligation or claim, with how it was reached.
 *
 * @param method how it was decided ("expand", "log expansion under the domains", "interval
 *     arithmetic", "by rule log-of-product", ...)
 * @param samples number of sample points at which it was evaluated (0 if none)
 * @param maxError the largest absolute difference seen at the samples
 * @param counterexample set when refuted
 * @param reason a sentence for unknown, refuted or refused verdicts
 * @param spots a few of the sample points with both sides' values, for teaching material
 */
public record Finding(String what, Status status, String method, int samples, double maxError,
    Counterexample counterexample, String reason, java.util.List<SpotCheck> spots) {

  public Finding {
    spots = spots == null ? java.util.List.of() : java.util.List.copyOf(spots);
  }
}
