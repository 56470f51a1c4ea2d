package stepwise.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import stepwise.model.Text;

/**
 * Beamer slides per derivation, beamer/&lt;id&gt;.tex in the chosen language and
 * beamer/&lt;id&gt;.zh.tex in Chinese, for a lecture: a title frame, a frame with what the
 * derivation shows (summary, symbols, verdict), then the steps a few per frame, revealed one by
 * one (overlays): the chain grows by a line per slide, and under it the current step's rule,
 * relation, note, verdict and a compact spot-check table (the same rows as the site, cut to
 * three points). A recorded slip gets its own frame: the author's line with its counterexample,
 * then the correction. Last the composed relation from start to end, and the file's claims.
 *
 * <p>Beamer is in Debian's texlive-latex-recommended; it needs pgf, from texlive-pictures. The
 * Chinese decks use CJKutf8 with the gbsn font, as the Chinese articles do (TexWriter). When
 * pdflatex and Beamer are installed every deck is compiled into beamer/&lt;id&gt;.pdf.
 */
public final class BeamerWriter implements MaterialWriter {
  /** Steps revealed on one frame: enough to see the chain move, few enough to fit with a table. */
  static final int STEPS_PER_FRAME = 3;
  /** Rows of a spot-check table on a slide (a "constant" table keeps whole pairs). */
  static final int ROWS_SHOWN = 3;
  /** The folder of the decks in the output. */
  static final String FOLDER = "beamer";

  private final boolean compile;

  public BeamerWriter() {
    this(true);
  }

  /** compile false only writes the .tex files (for tests that compile them themselves). */
  BeamerWriter(boolean compile) {
    this.compile = compile;
  }

  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    List<TexWriter.Document> decks = decks(material, language);
    for (TexWriter.Document d : decks) {
      out.write(FOLDER + "/" + d.stem() + ".tex", d.text());
    }
    if (compile) {
      Path pdflatex = TexWriter.pdflatex();
      if (pdflatex != null && beamerInstalled()) {
        boolean cjk = TexWriter.cjkInstalled();
        TexWriter.compileAll(pdflatex, out.workFolder().resolve(FOLDER),
            decks.stream().filter(d -> cjk || !d.cjk()).map(TexWriter.Document::stem).toList());
      }
    }
  }

  /** Every deck: each derivation in the language and in Chinese. */
  static List<TexWriter.Document> decks(Material material, Text.Language language) {
    List<TexWriter.Document> decks = new ArrayList<>();
    for (Material.Page page : material.derivations()) {
      if (page.start() == null) {
        continue;
      }
      String stem = TexWriter.stem(page.id());
      decks.add(deck(stem, language, material, page));
      decks.add(deck(stem + ".zh", Text.Language.ZH, material, page));
    }
    return decks;
  }

  /** Whether kpsewhich finds the Beamer class and pgf, which Beamer loads. */
  static boolean beamerInstalled() {
    return TexWriter.texFilesInstalled("beamer.cls", "pgfcore.sty");
  }


  // ---------------------------------------------------------------------------------------------
  // The deck

  /** The slides' own words, beyond the documents' (TexWriter.Words). */
  record Words(String overview, String stepsRange, String relation, String fromStartToEnd, String claims,
      String slip) {
    static final Words EN = new Words("What this derivation shows", "Steps %d--%d", "Relation", "From start to end",
        "Claims", "Step %d: a recorded mistake");
    static final Words ZH = new Words("这个推导说明什么", "第 %d–%d 步", "关系", "从起点到终点", "断言", "第 %d 步：记录下来的错误");

    static Words of(Text.Language language) {
      return language == Text.Language.ZH ? ZH : EN;
    }
  }

  private static final class Deck extends TexBody {
    final Words sw;

    Deck(Text.Language language) {
      super(language);
      this.sw = Words.of(language);
    }
  }

  private static TexWriter.Document deck(String stem, Text.Language language, Material material, Material.Page page) {
    Deck d = new Deck(language);
    String title = d.text(page.title()).isEmpty() ? TexWriter.text(page.id()) : d.text(page.title());
    d.line("\\begin{frame}");
    d.line("\\titlepage");
    d.line("\\end{frame}");
    d.line("");
    overview(d, page);
    stepFrames(d, page);
    ending(d, page);
    List<Material.ClaimPage> claims = material.claims().stream().filter(c -> c.file().equals(page.file())).toList();
    for (int i = 0; i < claims.size(); i += 2) {
      claimFrame(d, claims.subList(i, Math.min(claims.size(), i + 2)));
    }
    String body = d.b.toString();
    boolean cjk = language == Text.Language.ZH || TexWriter.needsCjk(title + body);
    List<Material.Page> pages = List.of(page);
    return d.finish(stem, preamble(stem, page, TexWriter.uprightNames(title, pages), cjk, d), pages, cjk);
  }

  private static String preamble(String stem, Material.Page page, String title, boolean cjk, Deck d) {
    StringBuilder b = new StringBuilder();
    b.append("% ").append(FOLDER).append('/').append(stem).append(".tex: Beamer slides written by Stepwise (stepwise render")
        .append(" --format beamer) from ").append(page.file().replace('\n', ' ').replace('\r', ' ')).append(".\n");
    b.append("% Do not edit: change the derivation file and render again.\n");
    b.append("% Compile with: pdflatex -interaction=nonstopmode ").append(stem).append(".tex\n");
    b.append("% Packages: Debian's texlive-latex-base, texlive-latex-recommended (beamer), texlive-pictures (pgf)")
        .append(" and lmodern").append(cjk ? "; Chinese: CJKutf8 and gbsn (latex-cjk-common,"
            + " latex-cjk-chinese-arphic-gbsn00lp).\n" : ".\n");
    b.append("\\documentclass[11pt,aspectratio=169]{beamer}\n");
    b.append("\\usepackage[T1]{fontenc}\n");
    b.append("\\usepackage{lmodern}\n");
    b.append("\\usepackage{amsmath,amssymb}\n");
    b.append("\\usepackage{array,booktabs,graphicx}\n");
    if (cjk) {
      b.append("\\usepackage{CJKutf8}\n");
    }
    b.append("""
        \\setbeamertemplate{navigation symbols}{}
        \\setbeamertemplate{footline}[frame number]
        \\setbeamercovered{invisible}
        \\definecolor{proved}{RGB}{26,127,55}
        \\definecolor{confirmed}{RGB}{9,105,170}
        \\definecolor{refuted}{RGB}{207,34,46}
        \\definecolor{unknown}{RGB}{154,103,0}
        \\definecolor{notegray}{gray}{0.35}
        \\newcommand{\\verdict}[2]{\\textcolor{#1}{\\textbf{#2}}}
        \\newcommand{\\rulename}[1]{\\texttt{#1}}
        % A box (a formula, a table), scaled down to the line width if it is wider.
        \\newsavebox{\\fitbox}
        \\newcommand{\\fitwidth}[1]{\\sbox{\\fitbox}{#1}%
          \\ifdim\\wd\\fitbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\fitbox}}%
          \\else\\usebox{\\fitbox}\\fi}
        \\newcommand{\\formula}[1]{{\\centering\\fitwidth{$\\displaystyle #1$}\\par}}
        """);
    b.append("\\title{").append(title).append("}\n");
    b.append("\\author{").append(d.w.checked()).append(" \\texttt{").append(TexWriter.text(page.file()))
        .append("}}\n");
    b.append("\\date{}\n");
    b.append("\\begin{document}\n");
    if (cjk) {
      b.append("\\begin{CJK}{UTF8}{gbsn}\n");
    }
    return b.toString();
  }

  /** The summary, the verdict and the symbols. */
  private static void overview(Deck d, Material.Page page) {
    TexWriter.Words w = d.w;
    d.line("\\begin{frame}[t]{" + d.sw.overview() + "}");
    if (!page.summary().isEmpty()) {
      d.line("{\\small " + d.text(page.summary()) + "\\par}");
      d.line("\\medskip");
    }
    StringBuilder verdict = new StringBuilder("{\\small " + w.verdict() + w.colon()
        + TexWriter.badge(page.verdict(), d.language));
    if (page.expectFailure() && page.verdict().passes()) {
      verdict.append(w.asExpected());
    }
    d.line(verdict + "\\par}");
    if (page.expectFailure()) {
      d.line("{\\small\\textbf{" + w.recordsMistake() + "}\\par}");
    }
    if (!page.symbols().isEmpty()) {
      d.line("\\medskip");
      StringBuilder t = new StringBuilder("\\begin{tabular}{>{$}l<{$} l l}\\toprule\n");
      t.append("\\multicolumn{1}{l}{").append(w.symbol()).append("} & ").append(w.domain()).append(" & ")
          .append(w.meaning()).append(" \\\\\\midrule\n");
      for (Material.SymbolRow s : page.symbols()) {
        String meaning = d.text(s.meaning());
        t.append(s.latex()).append(" & ").append(d.text(VerifierWords.domain(s.domain()))).append(" & ")
            .append(meaning.isEmpty() ? "---" : meaning).append(" \\\\\n");
      }
      t.append("\\bottomrule\\end{tabular}");
      d.line("{\\centering\\fitwidth{\\footnotesize " + t + "}\\par}");
    }
    d.line("\\end{frame}");
    d.line("");
  }

  /** The steps, a few per frame; a slip alone on its frame. */
  private static void stepFrames(Deck d, Material.Page page) {
    List<Material.StepPage> group = new ArrayList<>();
    for (Material.StepPage s : page.steps()) {
      if (s.wrongLatex() != null) {
        stepFrame(d, page, group);
        group.clear();
        slipFrame(d, page, s);
        continue;
      }
      group.add(s);
      if (group.size() == STEPS_PER_FRAME) {
        stepFrame(d, page, group);
        group.clear();
      }
    }
    stepFrame(d, page, group);
  }

  /**
   * One frame: the line before the group, then the group's lines, step k of the group appearing
   * on slide k and staying; under them the check of step k, on slide k only.
   */
  private static void stepFrame(Deck d, Material.Page page, List<Material.StepPage> steps) {
    if (steps.isEmpty()) {
      return;
    }
    int first = steps.get(0).number();
    int last = steps.get(steps.size() - 1).number();
    String title = first == last ? String.format(d.w.step(), first) : String.format(d.sw.stepsRange(), first, last);
    d.line("\\begin{frame}[t]{" + title + "}");
    List<String> rows = new ArrayList<>();
    String context = contextLeft(page, first);
    boolean contextOpen = true; // the first line of the group goes beside the context, calc style
    for (int k = 0; k < steps.size(); k++) {
      String slides = "<" + (k + 1) + "->";
      for (Material.Line line : page.lines()) {
        if (line.step() != steps.get(k).number()) {
          continue;
        }
        String right = "\\uncover" + slides + "{{}" + (line.relation().isEmpty() ? "" : line.relation() + " ")
            + line.rhs() + "}";
        if (contextOpen && line.lhs().isEmpty()) {
          rows.add("{\\color{notegray}" + context + "} &" + right);
        } else {
          if (contextOpen) {
            rows.add("{\\color{notegray}" + context + "} &");
          }
          rows.add((line.lhs().isEmpty() ? "" : "\\uncover" + slides + "{" + line.lhs() + "}") + " &" + right);
        }
        contextOpen = false;
      }
    }
    if (contextOpen) {
      rows.add("{\\color{notegray}" + context + "} &");
    }
    d.line("\\formula{\\begin{aligned}");
    d.line(String.join(" \\\\\n", rows));
    d.line("\\end{aligned}}");
    d.line("\\vspace{0.4em}");
    for (int k = 0; k < steps.size(); k++) {
      d.line("\\begin{onlyenv}<" + (k + 1) + ">");
      check(d, steps.get(k));
      d.line("\\end{onlyenv}");
    }
    d.line("\\end{frame}");
    d.line("");
  }

  /** The left side the group's chain continues from: the start, or the previous step's last line. */
  private static String contextLeft(Material.Page page, int firstStep) {
    Material.Line previous = null;
    for (Material.Line line : page.lines()) {
      if (line.step() < firstStep) {
        previous = line;
      }
    }
    if (previous == null) {
      Material.Line start = page.start();
      return start.lhs().isEmpty() ? start.rhs() : start.lhs();
    }
    return previous.rhs();
  }

  /** A step's check under the chain: rule, relation, verdict, note, spot checks. */
  private static void check(Deck d, Material.StepPage s) {
    TexWriter.Words w = d.w;
    d.line("{\\small\\textbf{" + String.format(w.step(), s.number()) + "}" + w.colon() + "\\rulename{"
        + TexWriter.text(s.rule()) + "}\\hfill " + TexWriter.badge(s.verdict(), d.language) + "\\par}");
    List<String> facts = new ArrayList<>();
    if (!s.ruleDescription().isEmpty()) {
      facts.add("\\emph{" + d.text(s.ruleDescription()) + "}");
    }
    if (!s.relationLatex().isEmpty()) {
      String words = s.relationWords() == null ? "" : d.text(s.relationWords());
      facts.add(d.sw.relation() + w.colon() + "$" + s.relationLatex() + "$" + (words.isEmpty() ? "" : " (" + words + ")"));
    }
    if (!facts.isEmpty()) {
      d.line("{\\footnotesize " + String.join("\\\\\n", facts) + "\\par}");
    }
    if (!s.note().isEmpty()) {
      d.line("{\\footnotesize\\color{notegray}" + d.text(s.note()) + "\\par}");
    }
    if (s.failure() != null) {
      d.line("{\\footnotesize " + w.didNotApply() + w.colon() + TexWriter.text(s.failure()) + "\\par}");
    }
    spotTable(d, s.spots());
    if (s.counterexample() != null && s.wrongLatex() == null) {
      d.line("{\\footnotesize\\textcolor{refuted}{" + w.counterexample() + w.colon().strip() + "} "
          + d.text(s.counterexample()) + "\\par}");
    }
  }

  /** A compact spot-check table: its first rows (whole pairs of a "constant" table), what it shows. */
  private static void spotTable(Deck d, Material.SpotTable t) {
    Material.SpotTable shown = compact(t);
    if (shown.isEmpty()) {
      return;
    }
    d.line("\\smallskip");
    d.line("% spot-check: " + shown.kind());
    d.line("{\\centering\\fitwidth{\\scriptsize " + TexWriter.spotTabular(shown, d.language) + "}\\par}");
    if (!shown.explanation().isEmpty()) {
      d.line("{\\scriptsize\\color{notegray}" + d.text(shown.explanation()) + "\\par}");
    }
  }

  /** The table cut to ROWS_SHOWN rows, or to two pairs when its rows come in pairs. */
  static Material.SpotTable compact(Material.SpotTable t) {
    int keep = "constant".equals(t.kind()) ? 4 : ROWS_SHOWN;
    if (t.rows().size() <= keep) {
      return t;
    }
    return new Material.SpotTable(t.kind(), t.variables(), t.headers(), t.rows().subList(0, keep), t.explanation());
  }

  /** A recorded slip: the author's line and its counterexample on slide 1, the correction from slide 2. */
  private static void slipFrame(Deck d, Material.Page page, Material.StepPage s) {
    TexWriter.Words w = d.w;
    d.line("\\begin{frame}[t]{" + String.format(Locale.ROOT, d.sw.slip(), s.number()) + "}");
    d.line("{\\small\\rulename{" + TexWriter.text(s.rule()) + "}\\hfill " + TexWriter.badge(s.verdict(), d.language)
        + "\\par}");
    if (!s.note().isEmpty()) {
      d.line("{\\footnotesize\\color{notegray}" + d.text(s.note()) + "\\par}");
    }
    d.line("{\\small\\color{refuted}\\textbf{" + w.authorsLine() + "}\\par}");
    d.line("\\formula{" + s.wrongLatex() + "}");
    spotTable(d, s.spots());
    d.line("\\begin{onlyenv}<2->");
    d.line("\\smallskip");
    d.line("{\\small\\color{proved}\\textbf{" + w.correctionLine() + "}\\par}");
    d.line("\\formula{" + s.correctLatex() + "}");
    d.line("\\end{onlyenv}");
    d.line("\\end{frame}");
    d.line("");
  }

  /** The composed relation of the whole derivation and the verdict. */
  private static void ending(Deck d, Material.Page page) {
    TexWriter.Words w = d.w;
    d.line("\\begin{frame}[t]{" + d.sw.fromStartToEnd() + "}");
    if (page.composedLatex() != null && !page.composedLatex().isEmpty()) {
      d.line("\\formula{" + page.composedLatex() + "}");
    }
    if (!page.relationText().isEmpty()) {
      d.line("{\\small " + d.text(page.relationText()) + "\\par}");
    }
    d.line("\\medskip");
    d.line("{\\small " + w.verdict() + w.colon() + TexWriter.badge(page.verdict(), d.language)
        + (page.expectFailure() && page.verdict().passes() ? w.asExpected() : "") + "\\par}");
    if (page.expectFailure() && !page.correction().isEmpty()) {
      d.line("{\\small " + w.correction() + w.colon() + d.text(page.correction()) + "\\par}");
    }
    d.line("\\end{frame}");
    d.line("");
  }

  /** Up to two claims, one revealed per slide. */
  private static void claimFrame(Deck d, List<Material.ClaimPage> claims) {
    TexWriter.Words w = d.w;
    d.line("\\begin{frame}[t]{" + d.sw.claims() + "}");
    for (int i = 0; i < claims.size(); i++) {
      Material.ClaimPage c = claims.get(i);
      d.line("\\begin{onlyenv}<" + (i + 1) + "->");
      d.line("{\\small\\rulename{" + TexWriter.text(c.id()) + "}\\hfill " + TexWriter.badge(c.verdict(), d.language)
          + (c.expectFailure() && c.verdict().passes() ? w.asExpected() : "") + "\\par}");
      if (!c.statement().isEmpty()) {
        d.line("{\\footnotesize " + d.text(c.statement()) + "\\par}");
      }
      if (!c.leftLatex().isEmpty() && !c.rightLatex().isEmpty()) {
        d.line("\\formula{" + c.leftLatex() + " " + c.relationLatex() + " " + c.rightLatex() + "}");
      }
      if (c.expectFailure() && !c.correction().isEmpty()) {
        d.line("{\\footnotesize " + w.correction() + w.colon() + d.text(c.correction()) + "\\par}");
      }
      if (c.counterexample() != null) {
        d.line("{\\footnotesize\\textcolor{refuted}{" + w.counterexample() + w.colon().strip() + "} "
            + d.text(c.counterexample()) + "\\par}");
      }
      d.line("\\medskip");
      d.line("\\end{onlyenv}");
    }
    d.line("\\end{frame}");
    d.line("");
  }
}
