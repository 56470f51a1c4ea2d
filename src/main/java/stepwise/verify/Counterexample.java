package stepwise.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A point where something fails, re-checked at 50 digits: the values of the variables, and
 * what each side comes to there ("left = 0.693", "right = -0.693").
 */
public record Counterexample(Map<String, String> point, List<String> values) {
  public Counterexample {
    point = new LinkedHashMap<>(point);
    values = List.copyOf(values);
  }

  public String describe() {
    StringBuilder out = new StringBuilder();
    point.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
    if (!values.isEmpty()) {
      out.append(out.length() == 0 ? "" : ": ").append(String.join(", ", values));
    }
    return out.toString();
  }
}
