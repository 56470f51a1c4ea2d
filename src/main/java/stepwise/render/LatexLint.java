package stepwise.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Constructs that JLaTeXMath accepts but draws wrong, with no error (shared/notes/jlatexmath.md),
 * and malformed input it accepts silently. Formulas we emit must have none of them.
 */
public final class LatexLint {
  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("\\\\operatorname\\*"), "\\operatorname* prints a literal *"),
      new Rule(Pattern.compile("\\\\\\\\\\s*\\["), "\\\\[6pt] prints [6pt]"),
      new Rule(Pattern.compile("\\\\mathbb\\{1}"), "\\mathbb{1} renders a plain 1"),
      new Rule(Pattern.compile("\\\\frac\\{[^{}]*}\\{\\s*}"), "\\frac with an empty denominator"),
      new Rule(Pattern.compile("\\\\frac\\{\\s*}"), "\\frac with an empty numerator"),
      new Rule(Pattern.compile("[\\^_]\\s*($|[}\\\\&])"), "a ^ or _ with nothing after it"),
      new Rule(Pattern.compile("\\\\begin\\{[a-z]+\\*}"), "starred environments do not parse in JLaTeXMath"),
      new Rule(Pattern.compile("\\\\(color|cancel|tag|label|eqref|notag|bm|lvert|rvert|coloneqq|mkern|argmax|def)\\b"),
          "a command JLaTeXMath does not support"));

  private record Rule(Pattern pattern, String problem) {}

  private LatexLint() {}

  /** What is wrong with the formula (empty if nothing). */
  public static List<String> problems(String latex) {
    List<String> out = new ArrayList<>();
    for (Rule r : RULES) {
      if (r.pattern.matcher(latex).find()) {
        out.add(r.problem);
      }
    }
    int depth = 0;
    for (int i = 0; i < latex.length(); i++) {
      char c = latex.charAt(i);
      if (c == '\\' && i + 1 < latex.length()) {
        i++;
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth < 0) {
          break;
        }
      }
    }
    if (depth != 0) {
      out.add("unbalanced braces");
    }
    if (latex.contains("\\begin{cases}") && !latex.contains("\\quad")) {
      out.add("cases without \\quad: the columns run together");
    }
    return out;
  }
}
