package stepwise.verify;

/** The four verdicts. Only PROVED and CONFIRMED count as holding. */
public enum Status {
  PROVED("proved"), CONFIRMED("confirmed numerically"), REFUTED("refuted"), UNKNOWN("unknown");

  private final String words;

  Status(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  public boolean holds() {
    return this == PROVED || this == CONFIRMED;
  }

  /** The verdict of several findings together: any refutation wins, then any unknown. */
  public static Status combine(Iterable<Status> all) {
    boolean unknown = false;
    boolean confirmedOnly = false;
    boolean any = false;
    for (Status s : all) {
      any = true;
      switch (s) {
        case REFUTED -> {
          return REFUTED;
        }
        case UNKNOWN -> unknown = true;
        case CONFIRMED -> confirmedOnly = true;
        case PROVED -> { }
      }
    }
    if (!any) {
      return PROVED;
    }
    return unknown ? UNKNOWN : confirmedOnly ? CONFIRMED : PROVED;
  }
}
