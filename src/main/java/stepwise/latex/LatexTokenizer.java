package stepwise.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits math-mode LaTeX into tokens. Spacing and sizing commands (\, \quad \left \big ...) carry
 * no meaning for the formula and are dropped here, so that \left( is just ( and \big| is |; a token
 * remembers whether space or a spacing command came before it, which separates N (N+1), a product,
 * from N(N+1), a call.
 */
final class LatexTokenizer {
  enum Kind { COMMAND, LETTER, NUMBER, CHAR, END }

  /** One token; text is the command name without its backslash, the letter, digits or character. */
  record Token(Kind kind, String text, int offset, int end, boolean spaceBefore) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }

    boolean isChar(String c) {
      return is(Kind.CHAR, c);
    }

    boolean isCommand(String name) {
      return is(Kind.COMMAND, name);
    }

    String shown() {
      return kind == Kind.COMMAND ? "\\" + text : kind == Kind.END ? "end of input" : text;
    }
  }

  private static final Set<String> SPACING = Set.of(",", ";", ":", "!", " ", "quad", "qquad", "thinspace",
      "medspace", "thickspace", "negthinspace", "enspace", "displaystyle", "textstyle", "scriptstyle", "limits",
      "nolimits", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
      "Biggl", "Biggr", "middle");
  /** Characters typed directly that stand for a command. */
  private static final Map<Character, String> UNICODE = Map.ofEntries(Map.entry('·', "cdot"), Map.entry('×', "times"),
      Map.entry('≤', "leq"), Map.entry('≥', "geq"), Map.entry('≠', "neq"), Map.entry('∞', "infty"),
      Map.entry('π', "pi"), Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"),
      Map.entry('δ', "delta"), Map.entry('ε', "epsilon"), Map.entry('θ', "theta"), Map.entry('λ', "lambda"),
      Map.entry('μ', "mu"), Map.entry('σ', "sigma"), Map.entry('τ', "tau"), Map.entry('φ', "phi"),
      Map.entry('ω', "omega"), Map.entry('∑', "sum"), Map.entry('∏', "prod"), Map.entry('√', "sqrt"),
      Map.entry('∈', "in"), Map.entry('∂', "partial"));

  private LatexTokenizer() {}

  static List<Token> tokenize(String src) {
    List<Token> out = new ArrayList<>();
    int pos = 0;
    boolean space = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c) || c == '~') {
        pos++;
        space = true;
        continue;
      }
      if (c == '%') { // a comment runs to the end of the line
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\\') {
        pos++;
        if (pos >= src.length()) {
          throw new LatexSyntaxError("a lone \\ at the end", start);
        }
        String name;
        if (Character.isLetter(src.charAt(pos)) && src.charAt(pos) < 128) {
          while (pos < src.length() && Character.isLetter(src.charAt(pos)) && src.charAt(pos) < 128) {
            pos++;
          }
          name = src.substring(start + 1, pos);
        } else {
          name = String.valueOf(src.charAt(pos++));
        }
        if (SPACING.contains(name)) {
          space |= !name.equals("left") && !name.equals("right") && !name.startsWith("big") && !name.startsWith("Big")
              && !name.equals("middle") && !name.equals("limits") && !name.equals("nolimits") && !name.endsWith("style");
          if ((name.equals("left") || name.equals("right")) && pos < src.length()) {
            int next = skipSpace(src, pos);
            if (next < src.length() && src.charAt(next) == '.') {
              pos = next + 1; // \left. and \right. are invisible delimiters
            }
          }
          continue;
        }
        if (name.equals("vert") || name.equals("lvert") || name.equals("rvert")) {
          out.add(new Token(Kind.CHAR, "|", start, pos, space));
        } else {
          out.add(new Token(Kind.COMMAND, name.equals("lbrace") ? "{" : name.equals("rbrace") ? "}" : name, start, pos,
              space));
        }
      } else if (c < 128 && Character.isLetter(c)) {
        pos++;
        out.add(new Token(Kind.LETTER, String.valueOf(c), start, pos, space));
      } else if (Character.isDigit(c) && c < 128
          || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos)) && src.charAt(pos) < 128) {
          pos++;
        }
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
          pos++;
          while (pos < src.length() && Character.isDigit(src.charAt(pos)) && src.charAt(pos) < 128) {
            pos++;
          }
        }
        out.add(new Token(Kind.NUMBER, src.substring(start, pos), start, pos, space));
      } else if (UNICODE.containsKey(c)) {
        pos++;
        out.add(new Token(Kind.COMMAND, UNICODE.get(c), start, pos, space));
      } else if (c == '−' || c == '–') {
        pos++;
        out.add(new Token(Kind.CHAR, "-", start, pos, space));
      } else if ("+-*/^_{}()[]|!=<>,'&:;.".indexOf(c) >= 0) {
        pos++;
        out.add(new Token(Kind.CHAR, String.valueOf(c), start, pos, space));
      } else {
        throw new LatexSyntaxError("unexpected character '" + c + "'", start);
      }
      space = false;
    }
    out.add(new Token(Kind.END, "", src.length(), src.length(), space));
    return out;
  }

  private static int skipSpace(String src, int pos) {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    return pos;
  }
}
