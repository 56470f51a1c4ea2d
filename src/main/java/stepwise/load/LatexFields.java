package stepwise.load;

import java.util.Map;
import java.util.Set;
import stepwise.model.InputError;
import stepwise.model.Source;

/**
 * The LaTeX a user may write in display fields (a symbol's latex:, a step's or start's name:, a
 * definition's latex:). These reach pdflatex, JLaTeXMath, HTML and Markdown, so only an
 * allow-list of math commands passes: no file, shell or definition commands (\input,
 * \includegraphics, \write18, \def, \catcode, ...), no raw HTML tags, no comments or math-mode
 * switches. The shape is checked too (braces, \left/\right, arguments of \frac and accents), so a
 * broken field is refused at load, naming its line, before anything is checked or rendered.
 */
final class LatexFields {
  private LatexFields() {}

  /** Commands that take required arguments, with how many. */
  private static final Map<String, Integer> ARGUMENTS = Map.ofEntries(
      Map.entry("frac", 2), Map.entry("dfrac", 2), Map.entry("tfrac", 2), Map.entry("binom", 2), Map.entry("sqrt", 1),
      Map.entry("hat", 1), Map.entry("widehat", 1), Map.entry("bar", 1), Map.entry("overline", 1), Map.entry("underline", 1),
      Map.entry("tilde", 1), Map.entry("widetilde", 1), Map.entry("vec", 1), Map.entry("dot", 1), Map.entry("ddot", 1),
      Map.entry("check", 1), Map.entry("breve", 1), Map.entry("acute", 1), Map.entry("grave", 1), Map.entry("mathring", 1),
      Map.entry("overrightarrow", 1), Map.entry("underbrace", 1), Map.entry("overbrace", 1),
      Map.entry("mathrm", 1), Map.entry("mathbf", 1), Map.entry("mathit", 1), Map.entry("mathcal", 1), Map.entry("mathbb", 1),
      Map.entry("mathsf", 1), Map.entry("mathtt", 1), Map.entry("mathfrak", 1), Map.entry("boldsymbol", 1),
      Map.entry("operatorname", 1), Map.entry("text", 1), Map.entry("textrm", 1), Map.entry("textit", 1),
      Map.entry("textbf", 1));

  /** Commands with no argument: symbols, operators, spacing, delimiters and sizes. */
  private static final Set<String> SYMBOLS = Set.of(
      "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
      "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
      "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
      "ell", "hbar", "imath", "jmath", "partial", "nabla", "infty", "emptyset", "varnothing", "prime", "star", "ast",
      "circ", "bullet", "dagger", "top", "bot", "perp", "cdot", "cdots", "ldots", "dots", "vdots", "ddots", "times",
      "div", "pm", "mp", "oplus", "otimes", "leq", "geq", "le", "ge", "neq", "ne", "approx", "sim", "simeq", "equiv",
      "propto", "ll", "gg", "in", "notin", "ni", "subset", "subseteq", "supset", "supseteq", "cup", "cap", "setminus",
      "to", "rightarrow", "leftarrow", "leftrightarrow", "Rightarrow", "Leftarrow", "Leftrightarrow", "mapsto",
      "implies", "iff", "land", "lor", "neg", "lnot", "forall", "exists", "mid", "parallel", "langle", "rangle",
      "lfloor", "rfloor", "lceil", "rceil", "lbrace", "rbrace", "vert", "Vert", "sum", "prod", "int", "oint", "lim",
      "sup", "inf", "max", "min", "arg", "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin",
      "arccos", "arctan", "sinh", "cosh", "tanh", "det", "dim", "ker", "Pr", "gcd", "deg", "quad", "qquad", "left",
      "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "textstyle", "limits",
      "nolimits");

  /** Why the most dangerous commands are refused, for a message that says more than "unknown". */
  private static final Set<String> FILE_SHELL_DEFINITION = Set.of(
      "input", "include", "includeonly", "includegraphics", "openin", "openout", "read", "readline", "write",
      "immediate", "closein", "closeout", "def", "edef", "gdef", "xdef", "let", "futurelet", "newcommand",
      "renewcommand", "providecommand", "DeclareMathOperator", "DeclareRobustCommand", "newenvironment",
      "renewenvironment", "catcode", "csname", "endcsname", "expandafter", "usepackage", "RequirePackage",
      "documentclass", "begin", "end", "special", "directlua", "latelua", "url", "href", "verb", "write18",
      "ShellEscape", "pdfshellescape", "input@path", "jobname", "makeatletter", "lowercase", "uppercase",
      "scantokens", "detokenize", "string", "char", "mathchar", "loop", "repeat", "count", "toks", "hyperref");

  /** Characters after a backslash that stand for themselves or spacing. */
  private static final String ESCAPES = ",;:! |{}_#%&$\\";

  /**
   * Refuses a display field outside the safe subset; template allows #1..#9 (a family's latex:
   * such as P(x_{#1}) or a definition's H(#1)).
   */
  static void check(String latex, Source at, String field, boolean template) {
    if (latex.isBlank()) {
      throw new InputError(at, field + " is empty");
    }
    if (latex.length() > Limits.LATEX_CHARS) {
      throw new InputError(at, field + " is longer than " + Limits.LATEX_CHARS + " characters");
    }
    int braces = 0;
    int lefts = 0;
    for (int i = 0; i < latex.length(); i++) {
      char c = latex.charAt(i);
      if (c < ' ' || c == 0x7f) {
        throw refuse(at, field, "a control character (code " + (int) c + ")");
      }
      switch (c) {
        case '\\' -> {
          int end = commandEnd(latex, i);
          String name = latex.substring(i + 1, end);
          if (name.isEmpty()) {
            throw refuse(at, field, "a lone backslash at the end");
          }
          if (Character.isLetter(name.charAt(0))) {
            checkCommand(name, at, field);
            if (name.equals("left")) {
              lefts++;
            } else if (name.equals("right") && --lefts < 0) {
              throw refuse(at, field, "\\right without \\left");
            }
            if (name.equals("left") || name.equals("right")) {
              requireDelimiter(latex, end, name, at, field);
            }
            requireArguments(latex, end, name, at, field);
          } else if (ESCAPES.indexOf(name.charAt(0)) < 0) {
            throw refuse(at, field, "\\" + name + ", which is not in the allowed LaTeX subset");
          }
          i = end - 1;
        }
        case '{' -> braces++;
        case '}' -> {
          if (--braces < 0) {
            throw refuse(at, field, "a } with no {");
          }
        }
        case '%' -> throw refuse(at, field, "% (a LaTeX comment would swallow the rest of the formula)");
        case '$' -> throw refuse(at, field, "$ (the field is already math; write \\$ for a dollar sign)");
        case '&' -> throw refuse(at, field, "& (alignment; write \\& for an ampersand)");
        case '#' -> {
          if (!template || i + 1 >= latex.length() || latex.charAt(i + 1) < '1' || latex.charAt(i + 1) > '9') {
            throw refuse(at, field, template ? "# not followed by an argument number 1-9" : "# (only a family's latex: takes #1)");
          }
        }
        case '^', '_' -> {
          if (i + 1 < latex.length() && latex.charAt(i + 1) == '^' && c == '^') {
            throw refuse(at, field, "^^ (a TeX character code)");
          }
          int next = skipSpaces(latex, i + 1);
          if (next >= latex.length() || "}^_&".indexOf(latex.charAt(next)) >= 0) {
            throw refuse(at, field, "a " + c + " with nothing after it");
          }
          if (latex.charAt(next) == '\\') { // the formula checker refuses it when rendering: say so now
            throw refuse(at, field, "a " + c + " followed by a command (write " + c + "{\\...})");
          }
        }
        case '<' -> {
          int next = i + 1 < latex.length() ? latex.charAt(i + 1) : ' ';
          if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
            throw refuse(at, field, "an HTML tag (<" + (char) next + "...); write \\langle or < with a space");
          }
        }
        default -> { }
      }
    }
    if (braces != 0) {
      throw refuse(at, field, "a { that is never closed");
    }
    if (lefts != 0) {
      throw refuse(at, field, "\\left without \\right");
    }
  }

  private static int commandEnd(String latex, int backslash) {
    int end = backslash + 1;
    if (end >= latex.length()) {
      return end;
    }
    if (!Character.isLetter(latex.charAt(end))) {
      return end + 1;
    }
    while (end < latex.length() && Character.isLetter(latex.charAt(end))) {
      end++;
    }
    return end;
  }

  private static void checkCommand(String name, Source at, String field) {
    if (SYMBOLS.contains(name) || ARGUMENTS.containsKey(name)) {
      return;
    }
    if (FILE_SHELL_DEFINITION.contains(name)) {
      throw refuse(at, field, "\\" + name + " (file, shell and definition commands are not allowed)");
    }
    throw refuse(at, field, "\\" + name + ", which is not in the allowed LaTeX subset (the README lists it)");
  }

  private static void requireDelimiter(String latex, int from, String name, Source at, String field) {
    int next = skipSpaces(latex, from);
    if (next >= latex.length()) {
      throw refuse(at, field, "\\" + name + " with no delimiter after it");
    }
    if (latex.charAt(next) == '{' || latex.charAt(next) == '}') {
      throw refuse(at, field, "\\" + name + latex.charAt(next) + " (write \\" + name + "\\" + latex.charAt(next) + ")");
    }
  }

  /** Each required argument must be there: a {group} or a single token, not the end or a }. */
  private static void requireArguments(String latex, int from, String name, Source at, String field) {
    int count = ARGUMENTS.getOrDefault(name, 0);
    int pos = from;
    if (name.equals("sqrt")) {
      pos = skipSpaces(latex, pos);
      if (pos < latex.length() && latex.charAt(pos) == '[') { // \sqrt[3]{x}
        int close = latex.indexOf(']', pos);
        pos = close < 0 ? latex.length() : close + 1;
      }
    }
    for (int k = 0; k < count; k++) {
      pos = skipSpaces(latex, pos);
      if (pos >= latex.length() || latex.charAt(pos) == '}') {
        throw refuse(at, field, "\\" + name + " is missing " + (count == 1 ? "its argument" : "argument " + (k + 1)));
      }
      char c = latex.charAt(pos);
      if (c == '{') {
        int close = matchingBrace(latex, pos);
        if (close < 0) {
          return; // reported as an unclosed { by the caller's scan
        }
        if (name.endsWith("frac") && latex.substring(pos + 1, close).isBlank()) {
          throw refuse(at, field, "\\" + name + " with an empty argument");
        }
        pos = close + 1;
      } else if (c == '\\') {
        pos = commandEnd(latex, pos);
      } else {
        pos++;
      }
    }
  }

  private static int matchingBrace(String latex, int open) {
    int depth = 0;
    for (int i = open; i < latex.length(); i++) {
      char c = latex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String latex, int from) {
    int i = from;
    while (i < latex.length() && latex.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static InputError refuse(Source at, String field, String what) {
    return new InputError(at, field + " contains " + what);
  }
}
