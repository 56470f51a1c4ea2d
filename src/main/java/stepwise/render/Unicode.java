package stepwise.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-text renderings of simple LaTeX names for prose and table headers: \hat{y} -> ŷ. */
final class Unicode {
  private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "α"), Map.entry("beta", "β"),
      Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("epsilon", "ε"), Map.entry("theta", "θ"),
      Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("pi", "π"), Map.entry("sigma", "σ"),
      Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("omega", "ω"), Map.entry("Delta", "Δ"),
      Map.entry("Sigma", "Σ"), Map.entry("Omega", "Ω"));
  private static final Pattern ACCENT = Pattern.compile("\\\\(hat|bar|tilde|vec)\\{([^{}]*)}");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");

  private Unicode() {}

  static String of(String latex) {
    String s = latex;
    Matcher accent = ACCENT.matcher(s);
    StringBuilder out = new StringBuilder();
    while (accent.find()) {
      String mark = switch (accent.group(1)) {
        case "hat" -> "\u0302";
        case "bar" -> "\u0304";
        case "tilde" -> "\u0303";
        default -> "\u20D7";
      };
      accent.appendReplacement(out, Matcher.quoteReplacement(of(accent.group(2)) + mark));
    }
    accent.appendTail(out);
    s = out.toString();
    Matcher command = COMMAND.matcher(s);
    out = new StringBuilder();
    while (command.find()) {
      String name = command.group(1);
      String replacement = GREEK.getOrDefault(name, name.equals("mid") ? "|" : name.equals("mathrm") ? "" : name);
      command.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    command.appendTail(out);
    return out.toString().replace("{", "").replace("}", "").replace("\\|", "‖").replace(" ", "");
  }
}
