package stepwise.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Domain;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Source;

/**
 * Reads a declared domain: "{0,1}", "(0,1)", "[0, inf)", real, positive, nonnegative,
 * integer, positive integer, complex, function, distribution (needs index and range).
 */
final class DomainParser {
  private static final Pattern INTERVAL = Pattern.compile("\\s*([(\\[])\\s*([^,]+?)\\s*,\\s*([^,]+?)\\s*([)\\]])\\s*");
  private static final Pattern SET = Pattern.compile("\\s*\\{(.*)}\\s*");
  static final String FUNCTION = "function";
  static final String DISTRIBUTION = "distribution";

  private DomainParser() {}

  /** The element domain written (for families, the domain of each member). */
  static Domain parse(String text, Source at, ExprReader reader) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    switch (t) {
      case "real", "reals":
        return Domain.REALS;
      case "positive", "positive real", "positive reals":
        return Domain.POSITIVE;
      case "nonnegative", "non-negative", "nonnegative real":
        return new Domain.Real(Domain.Bound.closed(BigDecimal.ZERO), Domain.Bound.POS_INFINITY, false);
      case "negative":
        return new Domain.Real(Domain.Bound.NEG_INFINITY, Domain.Bound.open(BigDecimal.ZERO), false);
      case "integer", "integers":
        return new Domain.Real(Domain.Bound.NEG_INFINITY, Domain.Bound.POS_INFINITY, true);
      case "positive integer", "positive integers":
        return Domain.POSITIVE_INTEGERS;
      case "natural", "nonnegative integer", "nonnegative integers":
        return new Domain.Real(Domain.Bound.closed(BigDecimal.ZERO), Domain.Bound.POS_INFINITY, true);
      case "complex":
        return Domain.COMPLEX;
      case "probability":
        return Domain.UNIT_OPEN;
      default:
        break;
    }
    Matcher interval = INTERVAL.matcher(text);
    if (interval.matches()) {
      Domain.Bound lower = bound(interval.group(2), interval.group(1).equals("("), at, reader);
      Domain.Bound upper = bound(interval.group(3), interval.group(4).equals(")"), at, reader);
      if (lower.value() != null && upper.value() != null && lower.value().compareTo(upper.value()) >= 0) {
        throw new InputError(at, "empty interval " + text);
      }
      return new Domain.Real(lower, upper, false);
    }
    Matcher set = SET.matcher(text);
    if (set.matches()) {
      List<IExpr> values = new ArrayList<>();
      for (String item : set.group(1).split(",")) {
        IExpr value = reader.read(item.strip(), at);
        if (!value.isNumber()) {
          throw new InputError(at, "the values of a finite domain must be numbers, not " + item.strip());
        }
        values.add(value);
      }
      if (values.isEmpty()) {
        throw new InputError(at, "a finite domain needs at least one value");
      }
      return new Domain.Finite(values);
    }
    throw new InputError(at, "unknown domain '" + text + "' (use {0,1}, (0,1), [0, inf), real, positive, nonnegative,"
        + " integer, positive integer, complex, probability, distribution, function)");
  }

  private static Domain.Bound bound(String text, boolean open, Source at, ExprReader reader) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("inf") || t.equals("+inf") || t.equals("-inf") || t.equals("infinity") || t.equals("∞")
        || t.equals("-infinity") || t.equals("-∞")) {
      return new Domain.Bound(null, true);
    }
    Domain.Bound b = stepwise.model.Assumptions.bound(reader.read(text.strip(), at), open);
    if (b == null) {
      throw new InputError(at, "an interval bound must be a number, not " + text.strip());
    }
    return b;
  }
}
