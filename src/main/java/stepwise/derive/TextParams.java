package stepwise.derive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import stepwise.model.Params;
import stepwise.model.Source;

/**
 * A found step's parameters, held as the text a file would hold (a rule parses them with the
 * file's reader, exactly as when the written derivation is loaded again). Values are a String,
 * a List of Strings or a Map of Strings, in insertion order.
 */
final class TextParams implements Params {
  private final Map<String, Object> values;
  private final Source source;

  TextParams(Map<String, Object> values, Source source) {
    this.values = new LinkedHashMap<>(values);
    this.source = source;
  }

  static TextParams none(Source source) {
    return new TextParams(Map.of(), source);
  }

  Map<String, Object> values() {
    return values;
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public Optional<String> string(String key) {
    Object v = values.get(key);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<List<String>> strings(String key) {
    Object v = values.get(key);
    if (v instanceof String s) {
      return Optional.of(List.of(s));
    }
    return v instanceof List<?> l ? Optional.of((List<String>) l) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, String>> mapping(String key) {
    Object v = values.get(key);
    return v instanceof Map<?, ?> m ? Optional.of((Map<String, String>) m) : Optional.empty();
  }

  @Override
  public Source sourceOf(String key) {
    return source;
  }
}
