package stepwise.pipeline;

import java.util.List;

/** Everything one check run found. */
public record Report(List<DerivationResult> derivations, List<ClaimResult> claims) {
  public Report {
    derivations = List.copyOf(derivations);
    claims = List.copyOf(claims);
  }

  public boolean passes() {
    return derivations.stream().allMatch(DerivationResult::passes) && claims.stream().allMatch(ClaimResult::passes);
  }
}
