package stepwise.verify;

import java.util.Map;

/** One sample point shown beside a step: the values, both sides there, and their difference. */
public record SpotCheck(Map<String, String> point, String left, String right, double difference) {
  public SpotCheck {
    point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
  }
}
