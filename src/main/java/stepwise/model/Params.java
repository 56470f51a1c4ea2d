package stepwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters a step passes to its rule (a substitution map, the variables a dropped term
 * does not depend on, ...), as written in the file, each with its source for error messages.
 */
public interface Params {
  Set<String> keys();

  Optional<String> string(String key);

  Optional<List<String>> strings(String key);

  /** A mapping in insertion order; keys and values as written. */
  Optional<Map<String, String>> mapping(String key);

  Source sourceOf(String key);

  /** Refuses keys the rule does not take: a typo must not be silently ignored. */
  default void allowOnly(String ruleName, Set<String> allowed) {
    for (String key : keys()) {
      if (!allowed.contains(key)) {
        throw new InputError(sourceOf(key), "rule " + ruleName + " takes no parameter '" + key + "'"
            + (allowed.isEmpty() ? "" : " (it takes: " + String.join(", ", allowed) + ")"));
      }
    }
  }

  default String require(String ruleName, String key) {
    return string(key).orElseThrow(() -> new InputError(sourceOf(key), "rule " + ruleName + " needs '" + key + ":'"));
  }
}
