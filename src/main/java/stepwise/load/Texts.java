package stepwise.load;

import java.util.Set;
import stepwise.model.Text;

/** Reads prose: a plain string (English) or {en: ..., zh: ...}. */
final class Texts {
  private Texts() {}

  static Text read(YamlNode node, String what) {
    if (node.isScalar()) {
      return Text.en(node.scalar(what));
    }
    node.allowOnly(Set.of("en", "zh"), what);
    String en = node.get("en", what).map(n -> n.scalar(what + " (en)")).orElse("");
    String zh = node.get("zh", what).map(n -> n.scalar(what + " (zh)")).orElse("");
    return new Text(en, zh);
  }
}
