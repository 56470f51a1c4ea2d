package stepwise.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A point where a statement fails: the value of each variable (as written by Stepwise, e.g.
 * "-1", "1/2", "Pi/2") and what the sides come to there ("left = 0.693", "right = -0.693").
 */
public record Counterexample(Map<String, String> point, List<String> values) {
  public Counterexample {
    point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    values = List.copyOf(values);
  }

  static Counterexample of(stepwise.verify.Counterexample c) {
    return c == null ? null : new Counterexample(c.point(), c.values());
  }
}
