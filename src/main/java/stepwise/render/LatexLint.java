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

  /**
   * Brackets an author would not write: a pair that holds nothing but another pair, ((x)),
   * [(x)], \left(\left(x\right)\right), or a brace group that holds nothing but one pair, as
   * in ^{(1 - y)}; and "((" anywhere (nested brackets alternate: -[(1 - y) ...], \log[(...)]).
   * Returns a description of each, with the text around it.
   */
  public static List<String> extraBrackets(String latex) {
    List<String> out = new ArrayList<>();
    List<int[]> pairs = bracketPairs(latex);
    for (int[] p : pairs) {
      String content = latex.substring(p[1], p[2]).strip();
      boolean onlyAPair = false;
      for (int[] q : pairs) {
        if (q[0] >= p[1] && q[3] <= p[2] && latex.substring(q[0], q[3]).strip().equals(content)
            && latex.charAt(q[0]) != '{' && !content.isEmpty()) {
          onlyAPair = true;
        }
      }
      boolean brace = latex.charAt(p[0]) == '{';
      boolean argument = brace && p[0] > 0 && Character.isLetter(latex.charAt(p[0] - 1)); // 	ext{(a)}, \mathrm{(x)}
      if (onlyAPair && !argument) {
        out.add((brace ? "a group holding only brackets: " : "doubled brackets: ")
            + latex.substring(p[0], p[3]));
      }
    }
    int doubled = latex.replace("\\left(", "(").replaceAll("\\s+", "").indexOf("((");
    if (doubled >= 0) {
      out.add("\"((\" in " + latex);
    }
    return out;
  }

  /**
   * The bracket pairs of a formula, each {open start, content start, content end, close end}:
   * ( [ and \left( \left[ with their closers (of any shape: [0, 1) is an interval), and { }.
   * \{ \} and \left. are not brackets here.
   */
  private static List<int[]> bracketPairs(String latex) {
    List<int[]> out = new ArrayList<>();
    java.util.Deque<int[]> open = new java.util.ArrayDeque<>(); // {start, content start, isBrace}
    for (int i = 0; i < latex.length(); i++) {
      char c = latex.charAt(i);
      if (latex.startsWith("\\left", i) || latex.startsWith("\\right", i)) {
        boolean left = latex.startsWith("\\left", i);
        int at = i + (left ? 5 : 6);
        if (at < latex.length() && "()[]".indexOf(latex.charAt(at)) >= 0) {
          if (left) {
            open.push(new int[] {i, at + 1, 0});
          } else if (!open.isEmpty() && open.peek()[2] == 0) {
            int[] o = open.pop();
            out.add(new int[] {o[0], o[1], i, at + 1});
          }
          i = at;
        } else {
          i = at - 1; // \left. \left\{ \left| and the like
        }
        continue;
      }
      if (c == '\\') {
        i++; // \{ \} \| \\ and commands' first letter
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {i, i + 1, c == '{' ? 1 : 0});
      } else if (c == ')' || c == ']' || c == '}') {
        if (!open.isEmpty() && (open.peek()[2] == 1) == (c == '}')) {
          int[] o = open.pop();
          out.add(new int[] {o[0], o[1], i, i + 1});
        }
      }
    }
    return out;
  }
}
