package stepwise.latex;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the answer in free text, as answer checkers for model outputs do: the last \boxed{..},
 * else the last $..$, $$..$$, \(..\) or \[..\]. An answer written as an equation (x = 5) keeps
 * its last side. The result says which part was taken.
 */
public final class LatexExtract {
  /** The formula taken, what it was (e.g. "the last \boxed{..}") and where it stood in the text (0-based). */
  public record Extracted(String latex, String what, int start, int end) {
    public String describe() {
      return "took " + what + " (characters " + (start + 1) + "-" + end + "): " + latex;
    }
  }

  private LatexExtract() {}

  public static Extracted last(String text) {
    Extracted boxed = lastBoxed(text);
    Extracted found = boxed != null ? boxed : lastMath(text);
    if (found == null) {
      throw new LatexSyntaxError("no \\boxed{..}, $..$, \\(..\\) or \\[..\\] in the text", 0);
    }
    return lastSide(found);
  }

  private static Extracted lastBoxed(String text) {
    for (String command : List.of("\\boxed", "\\fbox")) {
      int at = text.lastIndexOf(command + "{");
      if (at < 0) {
        continue;
      }
      int open = at + command.length();
      int close = matchingBrace(text, open);
      if (close < 0) {
        throw new LatexSyntaxError(command + "{ is never closed", open);
      }
      return new Extracted(text.substring(open + 1, close).strip(), "the last " + command + "{..}", at, close + 1);
    }
    return null;
  }

  private static int matchingBrace(String text, int open) {
    int level = 0;
    for (int k = open; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++; // \{ and \} do not count
      } else if (c == '{') {
        level++;
      } else if (c == '}' && --level == 0) {
        return k;
      }
    }
    return -1;
  }

  private static Extracted lastMath(String text) {
    List<Extracted> spans = new ArrayList<>();
    int k = 0;
    while (k < text.length()) {
      char c = text.charAt(k);
      String close = null;
      String what = null;
      int skip = 1;
      if (c == '\\' && k + 1 < text.length()) {
        char n = text.charAt(k + 1);
        if (n == '(') {
          close = "\\)";
          what = "\\(..\\)";
        } else if (n == '[') {
          close = "\\]";
          what = "\\[..\\]";
        } else {
          k += 2; // \$ is a dollar sign, not math
          continue;
        }
        skip = 2;
      } else if (c == '$') {
        boolean display = k + 1 < text.length() && text.charAt(k + 1) == '$';
        close = display ? "$$" : "$";
        what = display ? "$$..$$" : "$..$";
        skip = display ? 2 : 1;
      }
      if (close == null) {
        k++;
        continue;
      }
      int end = findClose(text, k + skip, close);
      if (end < 0) {
        break; // an unclosed delimiter: what came before still counts
      }
      spans.add(new Extracted(text.substring(k + skip, end).strip(), "the last " + what, k, end + close.length()));
      k = end + close.length();
    }
    return spans.isEmpty() ? null : spans.get(spans.size() - 1);
  }

  private static int findClose(String text, int from, String close) {
    for (int k = from; k < text.length(); k++) {
      if (text.startsWith(close, k) && (close.startsWith("\\") || k == 0 || text.charAt(k - 1) != '\\')) {
        return k;
      }
      if (text.charAt(k) == '\\' && !close.startsWith("\\")) {
        k++;
      }
    }
    return -1;
  }

  /** x = \frac{1}{2} gives \frac{1}{2}: the side after the last top-level =. */
  private static Extracted lastSide(Extracted e) {
    String s = e.latex();
    int level = 0;
    int cut = -1;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '{' || c == '(' || c == '[') {
        level++;
      } else if (c == '}' || c == ')' || c == ']') {
        level--;
      } else if (c == '=' && level == 0) {
        cut = k;
      }
    }
    if (cut < 0 || s.substring(cut + 1).isBlank()) {
      return e;
    }
    return new Extracted(s.substring(cut + 1).strip(), e.what() + ", the side after its last =", e.start(), e.end());
  }
}
