package stepwise.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prose with inline math: $...$ is a formula (typeset in every output), `...` is code, the
 * rest is text; \$ is a dollar sign. A formula that uses a command outside the safe subset
 * (file, shell and definition commands) stays text, so a note cannot make pdflatex read a file.
 */
public final class Prose {
  /** A piece of prose: TEXT, MATH (LaTeX without the dollars) or CODE. */
  public record Segment(Kind kind, String text) {}

  public enum Kind {
    TEXT, MATH, CODE
  }

  /** Commands a formula in prose may not use: they read or write files, run programs or define macros. */
  private static final Pattern UNSAFE = Pattern.compile("\\\\(input|include|includegraphics|openin|openout|read|write"
      + "|immediate|special|def|edef|gdef|xdef|let|newcommand|renewcommand|providecommand|catcode|csname|usepackage"
      + "|documentclass|begin\\{document|end\\{document|newwrite|newread|jobname|url|href|verbatiminput|lstinputlisting"
      + "|scantokens|expandafter|makeatletter)(?![A-Za-z])");

  private Prose() {}

  public static List<Segment> parse(String text) {
    List<Segment> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '$' || text.charAt(i + 1) == '`')) {
        plain.append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '$' || c == '`') {
        int end = closing(text, i + 1, c);
        String inside = end < 0 ? "" : text.substring(i + 1, end);
        if (end > i + 1 && !inside.isBlank() && (c == '`' || safe(inside))) {
          flush(out, plain);
          out.add(new Segment(c == '$' ? Kind.MATH : Kind.CODE, inside.strip()));
          i = end + 1;
          continue;
        }
      }
      plain.append(c);
      i++;
    }
    flush(out, plain);
    return out;
  }

  /** Whether a formula from a file keeps to the safe subset of LaTeX. */
  public static boolean safe(String latex) {
    // & and \\\\ would end a table cell or a line wherever the prose sits; % and # break TeX
    return !UNSAFE.matcher(latex).find() && !latex.matches("(?s).*(\\\\\\\\|(?<!\\\\)[&%#]).*") && LatexLint.problems(latex).stream().noneMatch(p -> p.contains("unbalanced"));
  }

  /** The prose with its formulas and code written as plain text (for plain-text outputs). */
  public static String plain(String text) {
    StringBuilder b = new StringBuilder();
    for (Segment s : parse(text)) {
      b.append(s.kind() == Kind.MATH ? Unicode.of(s.text()) : s.text());
    }
    return b.toString();
  }

  private static int closing(String text, int from, char mark) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\' && mark == '$') {
        j++;
        continue;
      }
      if (c == mark) {
        return j;
      }
    }
    return -1;
  }

  private static void flush(List<Segment> out, StringBuilder plain) {
    if (plain.length() > 0) {
      out.add(new Segment(Kind.TEXT, plain.toString()));
      plain.setLength(0);
    }
  }
}
