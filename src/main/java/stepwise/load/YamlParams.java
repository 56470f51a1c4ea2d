package stepwise.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import stepwise.model.Params;
import stepwise.model.Source;

/** A step's parameters: the keys of the step's mapping other than rule, expect, note, ... */
final class YamlParams implements Params {
  private final Map<String, YamlNode> values;
  private final YamlNode step;

  YamlParams(YamlNode step, Set<String> reserved) {
    this.step = step;
    this.values = new LinkedHashMap<>();
    step.entries("a step").forEach((k, v) -> {
      if (!reserved.contains(k)) {
        values.put(k, v);
      }
    });
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public Optional<String> string(String key) {
    return Optional.ofNullable(values.get(key)).map(n -> n.scalar(key));
  }

  @Override
  public Optional<List<String>> strings(String key) {
    return Optional.ofNullable(values.get(key)).map(n -> n.scalars(key));
  }

  @Override
  public Optional<Map<String, String>> mapping(String key) {
    return Optional.ofNullable(values.get(key)).map(n -> {
      Map<String, String> out = new LinkedHashMap<>();
      n.entries(key).forEach((k, v) -> out.put(k, v.scalar(key + "." + k)));
      return out;
    });
  }

  @Override
  public Source sourceOf(String key) {
    YamlNode node = values.get(key);
    return node != null ? node.textSource() : step.source();
  }
}
