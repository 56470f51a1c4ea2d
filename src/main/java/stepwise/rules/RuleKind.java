package stepwise.rules;

import java.util.Set;

/** A kind of rule: Java code shared by every catalogue entry of that kind. */
public interface RuleKind {
  String name();

  /** The fields an entry of this kind may have, besides name, kind and description. */
  Set<String> fields();

  /** Builds and validates a rule; an invalid entry is an error when the catalogue loads. */
  Rule build(RuleSpec spec, Catalogue catalogue);

  /**
   * Whether every entry of this kind is sound whatever its fields say, because the kind's code
   * checks what the entry claims (a transform's monotonicity, Jensen's convexity). A rewrite's
   * left = right is the entry's own claim, so only tested entries are sound.
   */
  default boolean soundWhateverItsFields() {
    return true;
  }
}
