package stepwise.rules;

import stepwise.model.Call;
import stepwise.model.Obligation;
import stepwise.model.Rewrite;

import stepwise.model.Call;
import stepwise.model.ExprReader;
import stepwise.model.Params;
import stepwise.model.Text;

/**
 * A catalogue entry: a name, a description, and a kind of rewriting. A rule never mentions the
 * symbols of a particular derivation; what a step needs (a substitution, the variables a term
 * does not depend on) comes in as parameters, checked when the derivation is loaded.
 */
public interface Rule {
  String name();

  /** The catalogue file the rule comes from, e.g. logarithms. */
  String family();

  /** The kind of rule (rewrite, transform, substitute, ...). */
  String kind();

  Text description();

  /** One line showing what the rule does, e.g. "Log(a*b) -> Log(a) + Log(b)  if a > 0, b > 0". */
  String summary();

  /** Checks a step's parameters and binds them; throws InputError for bad ones. */
  Call prepare(Params params, ExprReader reader);
}
