package stepwise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Symbol names in prose as a reader knows them: yhat becomes ŷ (P stays P, not P(x_i)). */
final class ProseNames {
  private final Map<String, String> map;
  private final Pattern pattern;

  private ProseNames(Map<String, String> map) {
    this.map = map;
    List<String> keys = new ArrayList<>(map.keySet());
    keys.sort((x, y) -> y.length() - x.length());
    StringBuilder alt = new StringBuilder();
    for (String k : keys) {
      alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(k));
    }
    this.pattern = map.isEmpty() ? null : Pattern.compile("(?<![A-Za-z0-9\\\\])(" + alt + ")(?![A-Za-z0-9])");
  }

  /** The names of a page's symbols whose Unicode form reads better than the name. */
  static Map<String, String> of(Material.Page p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Material.SymbolRow s : p.symbols()) {
      if (s.name().length() > 1 && !s.unicode().isEmpty() && !s.unicode().equals(s.name())
          && !s.unicode().contains("(") && s.name().matches("[A-Za-z][A-Za-z0-9]*")) {
        out.put(s.name(), java.text.Normalizer.normalize(s.unicode(), java.text.Normalizer.Form.NFC)); // ŷ as one character
      }
    }
    return out;
  }

  static ProseNames from(Map<String, String> map) {
    return new ProseNames(map);
  }

  String apply(String text) {
    if (text == null || pattern == null) {
      return text;
    }
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(map.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
