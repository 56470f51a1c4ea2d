package stepwise.rules;

import java.util.Set;

/** A kind of rule: Java code shared by every catalogue entry of that kind. */
public interface RuleKind {
  String name();

  /** The fields an entry of this kind may have, besides name, kind and description. */
  Set<String> fields();

  /** Builds and validates a rule; an invalid entry is an error when the catalogue loads. */
  Rule build(RuleSpec spec, Catalogue catalogue);
}
