package stepwise.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.InputError;
import stepwise.model.Text;

/** A catalogue entry as written, handed to its kind to build the rule. */
public interface RuleSpec {
  String name();

  String family();

  Text description();

  /** Whether the rule ships with Stepwise (tested for soundness on its own) rather than a user's file. */
  boolean vetted();

  Set<String> keys();

  Optional<String> text(String key);

  List<String> texts(String key);

  /** Parses the field as an expression in the rule's own scope (its variables are local). */
  IExpr expr(String key);

  /** Parses one text (e.g. an item of a list field) in the rule's scope; errors point at key. */
  IExpr parse(String key, String text);

  /** An error pointing at the field. */
  InputError error(String key, String message);

  default String requireText(String key) {
    return text(key).orElseThrow(() -> error(null, "rule " + name() + " needs '" + key + ":'"));
  }
}
