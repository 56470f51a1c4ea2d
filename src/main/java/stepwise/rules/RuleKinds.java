package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every kind of rule Stepwise has. A new kind is Java code; a new rule of a kind is data. */
public final class RuleKinds {
  private static final Map<String, RuleKind> KINDS = new LinkedHashMap<>();

  static {
    for (RuleKind kind : new RuleKind[] {new RewriteKind(), new TransformKind(), new SubstituteKind(),
        new DropTermsKind(), new DefinitionKinds.Unfold(), new DefinitionKinds.Fold(), new ExpandSumKind(),
        new AverageKind(), new CasesKind(), new JensenKind(), new DerivativeKind(),
        new AlgebraKind(), new StationaryKind()}) {
      KINDS.put(kind.name(), kind);
    }
  }

  private RuleKinds() {}

  public static Optional<RuleKind> named(String name) {
    return Optional.ofNullable(KINDS.get(name));
  }

  public static java.util.Set<String> names() {
    return KINDS.keySet();
  }
}
