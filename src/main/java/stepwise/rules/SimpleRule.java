package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import stepwise.model.Text;

/** The common fields of a catalogue entry whose behaviour is all in its kind. */
abstract class SimpleRule implements Rule {
  private final String name;
  private final String family;
  private final String kind;
  private final Text description;

  SimpleRule(RuleSpec spec, String kind) {
    this(spec.name(), spec.family(), kind, spec.description());
  }

  SimpleRule(String name, String family, String kind, Text description) {
    this.name = name;
    this.family = family;
    this.kind = kind;
    this.description = description;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Text description() {
    return description;
  }

  /** A call whose behaviour is the given function. */
  Call call(java.util.function.BiFunction<org.matheclipse.core.interfaces.IExpr, stepwise.model.Domains, Rewrite> apply) {
    Rule self = this;
    return new Call() {
      @Override
      public String ruleName() {
        return self.name();
      }

      @Override
      public Rewrite apply(org.matheclipse.core.interfaces.IExpr expr, stepwise.model.Domains domains) {
        return apply.apply(expr, domains);
      }
    };
  }
}
