package stepwise.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import stepwise.model.Text;

/**
 * Markdown per derivation, md/&lt;id&gt;.md, and md/README.md listing the derivations and the
 * claims. Formulas are $$ blocks on their own lines between blank lines (GitHub's math, and
 * KaTeX), the derivation one aligned block; symbols in tables as inline $...$. Text from files
 * is escaped so that Markdown and GitHub's math leave it as it is.
 */
public final class MarkdownWriter implements MaterialWriter {
  /** The index of the folder (GitHub shows it when the folder is opened). */
  static final String INDEX = "README.md";

  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    for (Material.Page page : material.derivations()) {
      if (page.start() != null) {
        out.write("md/" + fileName(page.id()), derivation(material, page, language));
      }
    }
    out.write("md/" + INDEX, index(material, language));
  }

  /** The Markdown file of a derivation: its id made safe, never the index's name. */
  static String fileName(String id) {
    String stem = TexWriter.stem(id);
    return (stem.equalsIgnoreCase("README") || stem.equalsIgnoreCase("index") ? stem + "-derivation" : stem) + ".md";
  }

  static String derivation(Material material, Material.Page page, Text.Language language) {
    TexWriter.Words w = TexWriter.Words.of(language);
    ProseNames names = ProseNames.from(ProseNames.of(page));
    StringBuilder b = new StringBuilder();
    String title = page.title().in(language);
    b.append("# ").append(title.isEmpty() ? text(page.id()) : prose(title, names)).append("\n\n");
    b.append(w.checked()).append(' ').append(code(page.file())).append("\n\n");
    if (!page.summary().isEmpty()) {
      b.append(prose(page.summary().in(language), names)).append("\n\n");
    }
    b.append("**").append(w.verdict()).append("**").append(w.colon()).append(badge(page.verdict(), language));
    if (page.expectFailure() && page.verdict().passes()) {
      b.append(w.asExpected());
    }
    if (!page.relationText().isEmpty()) {
      b.append(w.period()).append(w.startToEnd()).append(w.colon()).append(prose(page.relationText().in(language), names));
    }
    b.append(w.period().strip()).append("\n\n");
    if (page.expectFailure()) {
      b.append("**").append(text(w.recordsMistake())).append("**");
      if (!page.correction().isEmpty()) {
        b.append(' ').append(w.correction()).append(w.colon()).append(prose(page.correction().in(language), names));
      }
      b.append("\n\n");
    }
    if (page.problem() != null && !page.problem().isEmpty()) {
      b.append(w.problem()).append(w.colon()).append(text(page.problem())).append("\n\n");
    }
    if (!page.symbols().isEmpty()) {
      b.append("## ").append(w.symbols()).append("\n\n");
      b.append("| ").append(w.symbol()).append(" | ").append(w.name()).append(" | ").append(w.domain()).append(" | ")
          .append(w.meaning()).append(" |\n|---|---|---|---|\n");
      for (Material.SymbolRow s : page.symbols()) {
        String meaning = prose(s.meaning().in(language), names);
        b.append("| ").append(inlineMath(s.latex())).append(" | ").append(code(s.name())).append(" | ")
            .append(prose(VerifierWords.domain(s.domain()).in(language), null)).append(" | ").append(meaning.isEmpty() ? "—" : meaning).append(" |\n");
      }
      b.append('\n');
    }
    b.append("## ").append(w.derivation()).append("\n\n");
    b.append(display(Aligned.block(page, false, language)));
    b.append("## ").append(w.steps()).append("\n\n");
    for (Material.StepPage s : page.steps()) {
      b.append("### ").append(String.format(w.step(), s.number())).append(w.colon()).append(code(s.rule()))
          .append(" — ").append(badge(s.verdict(), language)).append("\n\n");
      if (!s.ruleDescription().isEmpty()) {
        b.append('*').append(w.rule()).append(w.colon().strip()).append("* ")
            .append(prose(s.ruleDescription().in(language), names)).append("\n\n");
      }
      if (!s.note().isEmpty()) {
        b.append(prose(s.note().in(language), names)).append("\n\n");
      }
      if (s.wrongLatex() != null) {
        // a recorded slip: the author's line, refuted, its counterexample, then the correction
        b.append("**❌ ").append(w.authorsLine()).append("**\n\n").append(display(s.wrongLatex()));
        spotTable(b, s.spots(), language, names);
        b.append("**✅ ").append(w.correctionLine()).append("**\n\n").append(display(s.correctLatex()));
      } else if (!s.formula().isEmpty()) {
        b.append(display(s.formula()));
        spotTable(b, s.spots(), language, names);
      }
      if (s.failure() != null) {
        b.append(w.didNotApply()).append(w.colon()).append(text(s.failure())).append("\n\n");
      }
      List<String> facts = new ArrayList<>();
      if (s.summary() != null && !s.summary().isEmpty() && s.failure() == null) {
        facts.add(w.method() + w.colon() + prose(s.summary().in(language), names));
      }
      if (s.samples() > 0) {
        facts.add(String.format(Locale.ROOT, w.samples(), s.samples(), TexWriter.maxError(s.maxError())));
      }
      if (s.expect() != null && !s.expect().isEmpty() && !s.expect().equals("-")) {
        facts.add(w.expected() + w.colon() + text(TexWriter.expectWords(s.expect(), language)));
      }
      if (!facts.isEmpty()) {
        b.append(String.join(w.period(), facts)).append(w.period().strip()).append("\n\n");
      }
      if (s.counterexample() != null && s.wrongLatex() == null) {
        b.append("**").append(w.counterexample()).append("**").append(w.colon())
            .append(prose(s.counterexample().in(language), names)).append("\n\n");
      }
    }
    List<Material.ClaimPage> claims = material.claims().stream().filter(c -> c.file().equals(page.file())).toList();
    if (!claims.isEmpty()) {
      b.append("## ").append(w.claims()).append("\n\n");
      claims.forEach(c -> claim(b, c, language, "###"));
    }
    return b.toString().stripTrailing() + "\n";
  }

  static String index(Material material, Text.Language language) {
    TexWriter.Words w = TexWriter.Words.of(language);
    StringBuilder b = new StringBuilder();
    b.append("# ").append(language == Text.Language.ZH ? "推导" : "Derivations").append("\n\n");
    b.append(language == Text.Language.ZH ? "由 Stepwise 逐步验证的推导。" : "Derivations checked step by step by Stepwise.")
        .append("\n\n");
    for (Material.Page page : material.derivations()) {
      String title = page.title().in(language);
      String shown = text(title.isEmpty() ? page.id() : title);
      b.append("- ");
      if (page.start() != null) {
        b.append('[').append(shown).append("](").append(fileName(page.id())).append(')');
      } else {
        b.append(shown);
      }
      b.append(" — ").append(badge(page.verdict(), language));
      if (page.expectFailure() && page.verdict().passes()) {
        b.append(w.asExpected());
      }
      b.append(" (").append(code(page.file())).append(")\n");
    }
    if (material.derivations().isEmpty()) {
      b.append(language == Text.Language.ZH ? "（没有推导）" : "(none)").append('\n');
    }
    b.append('\n');
    if (!material.claims().isEmpty()) {
      b.append("## ").append(w.claims()).append("\n\n");
      for (Material.ClaimPage c : material.claims()) {
        claim(b, c, language, "###");
        if (!c.file().isEmpty()) {
          b.append(code(c.file())).append("\n\n");
        }
      }
    }
    return b.toString().stripTrailing() + "\n";
  }

  private static void claim(StringBuilder b, Material.ClaimPage c, Text.Language language, String heading) {
    TexWriter.Words w = TexWriter.Words.of(language);
    b.append(heading).append(' ').append(code(c.id())).append(" — ").append(badge(c.verdict(), language));
    if (c.expectFailure() && c.verdict().passes()) {
      b.append(w.asExpected());
    }
    b.append("\n\n");
    if (!c.statement().isEmpty()) {
      b.append(prose(c.statement().in(language), null)).append("\n\n");
    }
    if (!c.leftLatex().isEmpty() && !c.rightLatex().isEmpty()) {
      b.append(display(c.leftLatex() + " " + c.relationLatex() + " " + c.rightLatex()));
    }
    List<String> sources = new ArrayList<>();
    if (!c.leftSource().isEmpty()) {
      sources.add(w.left() + w.colon() + String.format(w.resultOf(), link(c.leftSource())));
    }
    if (!c.rightSource().isEmpty()) {
      sources.add(w.right() + w.colon() + String.format(w.resultOf(), link(c.rightSource())));
    }
    if (!sources.isEmpty()) {
      b.append(String.join(w.semicolon(), sources)).append(w.period().strip()).append("\n\n");
    }
    if (c.reason() != null && !c.reason().isEmpty()) {
      b.append(w.method()).append(w.colon()).append(prose(c.reason().in(language), null)).append(w.period().strip())
          .append("\n\n");
    }
    if (c.expectFailure()) {
      b.append("**").append(text(w.claimRecordsMistake())).append("**");
      if (!c.correction().isEmpty()) {
        b.append(' ').append(w.correction()).append(w.colon()).append(prose(c.correction().in(language), null));
      }
      b.append("\n\n");
    }
    if (c.counterexample() != null) {
      b.append("**").append(w.counterexample()).append("**").append(w.colon())
          .append(prose(c.counterexample().in(language), null)).append("\n\n");
    }
  }

  /** A link to the derivation a claim's side comes from ("id" or "id#label"). */
  private static String link(String source) {
    int hash = source.indexOf('#');
    String id = hash < 0 ? source : source.substring(0, hash);
    return "[" + code(source) + "](" + fileName(id) + ")";
  }

  static String badge(Material.Verdict v, Text.Language language) {
    String mark = switch (v.key()) {
      case "proved" -> "✅";
      case "confirmed" -> "☑️";
      case "refuted" -> "❌";
      default -> "❓";
    };
    return mark + " **" + text(TexWriter.verdictWords(v, language)) + "**";
  }

  /**
   * A step's spot-check table (SpotTables: a few points, rounded, long vectors summarised) as a
   * Markdown table, and what it shows.
   */
  private static void spotTable(StringBuilder b, Material.SpotTable t, Text.Language language, ProseNames names) {
    if (t.isEmpty()) {
      return;
    }
    List<String> head = new ArrayList<>();
    t.variables().forEach(v -> head.add(inlineMath(v)));
    t.headers().forEach(h -> head.add(text(h.in(language))));
    b.append("| ").append(String.join(" | ", head)).append(" |\n|").append("---|".repeat(head.size())).append('\n');
    for (Material.SpotRow r : t.rows()) {
      List<String> cells = new ArrayList<>();
      t.variables().forEach(v -> cells.add(text(r.point().getOrDefault(v, ""), false)));
      r.cells().forEach(c -> cells.add(text(c.in(language), false)));
      b.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    b.append('\n');
    if (!t.explanation().isEmpty()) {
      b.append(prose(t.explanation().in(language), names)).append("\n\n");
    }
  }

  /**
   * Prose from files and the verifier: text escaped, $...$ kept as inline math (safe for HTML:
   * angle brackets written \\lt, \\gt), `...` as code.
   */
  static String prose(String s, ProseNames names) {
    StringBuilder out = new StringBuilder();
    for (Prose.Segment seg : Prose.parse(s)) {
      switch (seg.kind()) {
        case MATH -> out.append('$').append(mathSafe(seg.text()).replaceAll("\\s+", " ").strip()).append('$');
        case CODE -> out.append(code(seg.text()));
        default -> out.append(text(names == null ? seg.text() : names.apply(seg.text()), out.length() == 0));
      }
    }
    return out.toString().strip();
  }

  /**
   * Math for Markdown: raw HTML must never reach the page, so angle brackets become \\lt and
   * \\gt (KaTeX and GitHub read them as < and >) and an ampersand that would start an HTML
   * entity is spaced.
   */
  static String mathSafe(String latex) {
    return latex.replace("<", "\\lt ").replace(">", "\\gt ").replaceAll("&(?=#?[A-Za-z0-9]+;)", "& ");
  }

  /** A $$ block on its own lines, blank lines around it; no blank line inside (it would end the block). */
  static String display(String latex) {
    String body = mathSafe(latex.strip()).replaceAll("\\n\\s*\\n", "\n");
    return "$$\n" + body + "\n$$\n\n";
  }

  /** Inline math for a table cell: a bar would end the cell, so | and \| are written \vert and \Vert. */
  static String inlineMath(String latex) {
    String body = mathSafe(latex.strip()).replace("\\|", "\\Vert ").replace("|", "\\vert ").replaceAll("\\s+", " ");
    return "$" + body + "$";
  }

  /** Code (a name, a file): backticks chosen so the text cannot close them; bars escaped for tables. */
  static String code(String s) {
    String t = s.replaceAll("\\s+", " ").replace("|", "\\|");
    String fence = t.contains("`") ? "``" : "`";
    return fence + (t.startsWith("`") || t.endsWith("`") ? " " + t + " " : t) + fence;
  }

  /**
   * Text from files as Markdown: one line, and the characters Markdown or GitHub's math would
   * act on escaped (emphasis, links, HTML, tables, $ math, headings and lists at the start).
   */
  static String text(String s) {
    return text(s, true);
  }

  /** start: the text begins a line, where # - + = and "1." would start a heading or a list. */
  static String text(String s, boolean start) {
    String one = start ? s.replaceAll("\\s+", " ").replaceFirst("^ ", "") : s.replaceAll("\\s+", " ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < one.length(); i++) {
      char c = one.charAt(i);
      if ("\\`*_[]<>|$~&".indexOf(c) >= 0) {
        out.append('\\');
      } else if (start && i == 0 && "#-+=".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    String text = out.toString();
    // "1. " or "1) " at the start would begin an ordered list
    return start ? text.replaceFirst("^(\\d+)([.)])", "$1\\\\$2") : text;
  }
}
