package stepwise.rules;

import java.util.function.Supplier;
import stepwise.model.InputError;
import stepwise.model.Relation;

/** Reading relation names written in files. */
public final class Relations {
  private Relations() {}

  public static Relation parse(String text, Supplier<InputError> unknown) {
    return switch (text.strip()) {
      case "=", "==" -> Relation.EQUAL;
      case "<=", "≤" -> Relation.LESS_EQUAL;
      case ">=", "≥" -> Relation.GREATER_EQUAL;
      case "<" -> new Relation.Order(Relation.Op.LT);
      case ">" -> new Relation.Order(Relation.Op.GT);
      default -> throw unknown.get();
    };
  }
}
