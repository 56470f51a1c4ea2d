package stepwise.verify;

import java.util.List;

/**
 * The verdict on one step: the combined status, a one-line summary (how it was proved, or why
 * not), every finding, the sample count and largest error, and how the result compares with
 * the author's expect:.
 */
public record StepVerdict(Status status, String summary, List<Finding> findings, int samples, double maxError,
    ExpectMatch expect, List<SpotCheck> spots) {
  public StepVerdict {
    findings = List.copyOf(findings);
    spots = List.copyOf(spots);
  }

  /** How the computed expression compares with the author's expected one. */
  public enum ExpectMatch {
    NONE("-"), FORM("matches in form"), VALUE("equal in value, written differently"), DIFFERS("differs");

    private final String words;

    ExpectMatch(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }
}
