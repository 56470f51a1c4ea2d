package stepwise.verify;


/**
 * What the strategies of one check found, and the one place that turns it into a verdict.
 * The rules, in order: a certified counterexample refutes; a symbolic proof proves; a vetted
 * rule whose conditions are proved proves only if sampling ran and agreed; a time limit or a
 * reason to distrust the question leaves it unknown; enough agreeing samples confirm; anything
 * else is unknown, with the reason. Passing on zero samples is possible only with a proof.
 */
final class Evidence {
  final String what;
  NumericResult sampled = NumericResult.NONE;
  /** How sampled was obtained when not by sample points (partial sums of a series), for the verdict's method. */
  String sampledMethod;
  /** A high-precision sampling run after the proof attempts failed. */
  NumericResult precise;
  String proof;
  String byRule;
  String timeLimit;
  /** The time limit was met inside a symbolic proof attempt (sampling had finished). */
  boolean timeLimitInProof;
  String distrust;
  /** Set when only a proof will do (a rule's side condition): the reason given when none is found. */
  String proofRequired;

  Evidence(String what) {
    this.what = what;
  }

  /** Whether a strategy has settled the question, so the rest need not run. */
  boolean settled() {
    return refuting() != null || proof != null || timeLimit != null || distrust != null;
  }

  private NumericResult refuting() {
    if (sampled.violated()) {
      return sampled;
    }
    return precise != null && precise.violated() ? precise : null;
  }

  Finding decide(int wanted, String refutedBecause) {
    NumericResult shown = sampled;
    NumericResult refuting = refuting();
    if (refuting != null) {
      Counterexample c = refuting.counterexample();
      return new Finding(what, Status.REFUTED, "", refuting.points(), refuting.maxError(), c,
          refutedBecause + (c.point().isEmpty() ? ": " : " at ") + c.describe(), shown.shown());
    }
    if (proof != null) {
      String unsampled = shown.points() == 0 && shown.problem() != null
          ? " (no numeric spot check: " + shown.problem() + ")" : "";
      return new Finding(what, Status.PROVED, proof + unsampled, shown.points(), shown.maxError(), null, "", shown.shown());
    }
    // a vetted rule carries the step even when the independent symbolic check did not finish
    if (byRule != null && (timeLimit == null || timeLimitInProof) && distrust == null) {
      if (shown.points() > 0 && shown.problem() == null) {
        return new Finding(what, Status.PROVED, "by rule " + byRule + " (its conditions proved)", shown.points(),
            shown.maxError(), null, "", shown.shown());
      }
      return unknown("rule " + byRule + " applies, but the numeric check that guards its use could not run: "
          + (shown.problem() != null ? shown.problem() : "no sample point"));
    }
    if (timeLimit != null) {
      String seen = shown.problem() != null ? "; " + shown.problem()
          : shown.points() > 0 ? "; numerically it held at " + shown.points() + " points" : "";
      return unknown(timeLimit + seen);
    }
    if (distrust != null) {
      return unknown(distrust);
    }
    if (proofRequired != null) {
      return unknown(proofRequired + (shown.points() > 0 ? " (it held at " + shown.points() + " sample points)" : ""));
    }
    if (shown.confirms(wanted) && precise != null && precise.problem() != null
        && precise.problem().startsWith(Checks.OUT_OF_TIME)) {
      // the doubles agreed, but the high-precision guard against differences below them did not finish
      return unknown("it held at " + shown.points() + " points in double precision, but the re-check at "
          + Precise.DIGITS + " digits ran out of time after " + precise.points() + " point(s)");
    }
    if (shown.confirms(wanted) && sampledMethod == null && precise != null && precise.points() == 0 && precise.undefined() > 0) {
      // the doubles agreed, but no value could be read at 50 digits (Sin(10^100): a double of
      // 10^100 is another number), so nothing guards against a difference below the doubles
      return unknown("it held at " + shown.points() + " points in double precision, but no value could be read at "
          + Precise.DIGITS + " digits to re-check it");
    }
    if (shown.confirms(wanted)) {
      return new Finding(what, Status.CONFIRMED, sampledMethod != null ? sampledMethod : "numerically, at " + shown.points() + " points", shown.points(),
          shown.maxError(), null, "", shown.shown());
    }
    String why = shown.problem() != null ? shown.problem()
        : precise != null && precise.problem() != null ? precise.problem()
        : "too few points where both sides are defined (" + shown.points() + ")";
    return unknown("no symbolic proof, and " + why);
  }

  private Finding unknown(String reason) {
    return new Finding(what, Status.UNKNOWN, "", sampled.points(), sampled.maxError(), null, reason, sampled.shown());
  }
}
