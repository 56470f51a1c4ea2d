package stepwise.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import stepwise.model.InputError;
import stepwise.model.Source;

/**
 * A YAML node that knows where it was written, so every complaint names file, line and column.
 * Built on SnakeYAML Engine's composed node tree (which keeps marks), not on plain maps.
 */
public final class YamlNode {
  private final Node node;
  private final Path file;

  private YamlNode(Node node, Path file) {
    this.node = node;
    this.file = file;
  }

  /** Parses one YAML document; a syntax error becomes an InputError at its line. */
  public static YamlNode parse(Path file, String text) {
    if (text.length() > Limits.FILE_BYTES) {
      throw new InputError(Source.of(file), "the file is longer than " + Limits.FILE_BYTES + " characters");
    }
    LoadSettings settings = LoadSettings.builder().setLabel(String.valueOf(file)).setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50).setCodePointLimit((int) Limits.FILE_BYTES).build();
    try {
      refuseDeepNesting(file, settings, text);
      Optional<Node> root = new Compose(settings).composeString(text);
      return new YamlNode(root.orElseThrow(() -> new InputError(Source.of(file), "the file is empty")), file);
    } catch (MarkedYamlEngineException e) {
      Source where = e.getProblemMark().map(m -> at(file, m)).orElse(Source.of(file));
      String context = e.getContext() == null ? "" : " (" + e.getContext()
          + e.getContextMark().map(m -> " that starts at line " + (m.getLine() + 1)).orElse("") + ")";
      throw new InputError(where, "YAML syntax: " + e.getProblem() + context);
    } catch (YamlEngineException e) {
      throw new InputError(Source.of(file), "YAML: " + e.getMessage());
    }
  }

  /**
   * SnakeYAML Engine composes nodes recursively (and has no depth setting), so 10,000 nested
   * [ would overflow the stack: its parser, which is not recursive, counts the depth first.
   */
  private static void refuseDeepNesting(Path file, LoadSettings settings, String text) {
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      if (event instanceof CollectionStartEvent) {
        if (++depth > Limits.YAML_DEPTH) {
          Source where = event.getStartMark().map(m -> at(file, m)).orElse(Source.of(file));
          throw new InputError(where, "lists and mappings nested deeper than " + Limits.YAML_DEPTH + " levels");
        }
      } else if (event instanceof CollectionEndEvent) {
        depth--;
      }
    }
  }

  private static Source at(Path file, Mark mark) {
    return new Source(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  public Source source() {
    return node.getStartMark().map(m -> at(file, m)).orElse(Source.of(file));
  }

  /** Where the scalar's text starts (quotes skipped), for pointing into expressions. */
  public Source textSource() {
    Source s = source();
    if (node instanceof ScalarNode scalar && scalar.getScalarStyle() != null) {
      String style = scalar.getScalarStyle().toString();
      if (style.contains("'") || style.contains("\"")) {
        return s.atColumnOffset(1);
      }
    }
    return s;
  }

  public Path file() {
    return file;
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isSequence() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  public String scalar(String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw new InputError(source(), what + " should be a single value, not a " + kind());
  }

  private String kind() {
    return isMapping() ? "mapping" : isSequence() ? "list" : "value";
  }

  public List<YamlNode> items(String what) {
    if (node instanceof SequenceNode seq) {
      List<YamlNode> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(new YamlNode(n, file));
      }
      return out;
    }
    throw new InputError(source(), what + " should be a list, not a " + kind());
  }

  /** A scalar or a list of scalars, as a list of strings. */
  public List<String> scalars(String what) {
    if (isScalar()) {
      return List.of(scalar(what));
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : items(what)) {
      out.add(item.scalar(what + " item"));
    }
    return out;
  }

  /** The entries of a mapping in file order; keys must be plain values. */
  public Map<String, YamlNode> entries(String what) {
    if (!(node instanceof MappingNode map)) {
      throw new InputError(source(), what + " should be a mapping (key: value), not a " + kind());
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      YamlNode key = new YamlNode(tuple.getKeyNode(), file);
      String name = key.scalar("a key in " + what);
      if (out.put(name, new YamlNode(tuple.getValueNode(), file)) != null) {
        throw new InputError(key.source(), "'" + name + "' appears twice in " + what);
      }
    }
    return out;
  }

  /** The source of a key (rather than of its value), for errors about the key itself. */
  public Source keySource(String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
          return new YamlNode(tuple.getKeyNode(), file).source();
        }
      }
    }
    return source();
  }

  public Optional<YamlNode> get(String key, String what) {
    return Optional.ofNullable(entries(what).get(key));
  }

  public YamlNode require(String key, String what) {
    return get(key, what).orElseThrow(() -> new InputError(source(), what + " needs '" + key + ":'"));
  }

  /** Refuses unknown keys: a misspelt key must not be silently ignored. */
  public void allowOnly(Set<String> keys, String what) {
    for (String key : entries(what).keySet()) {
      if (!keys.contains(key)) {
        throw new InputError(keySource(key), what + " has no field '" + key + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
      }
    }
  }
}
