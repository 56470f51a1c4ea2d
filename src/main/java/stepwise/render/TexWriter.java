package stepwise.render;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.model.Text;

/**
 * A standalone LaTeX document per derivation, tex/&lt;id&gt;.tex in the chosen language and
 * tex/&lt;id&gt;.zh.tex in Chinese, plus tex/claims.tex (and claims.zh.tex) with every claim:
 * title, summary, a table of the symbols, the derivation as one align* block with each step's
 * rule beside it, then every step with its note, verdict, samples, largest error and
 * counterexample, then the claims of the derivation's file.
 *
 * <p>The English documents use only packages from Debian's texlive-latex-base,
 * texlive-latex-recommended and lmodern. The Chinese ones (and any document whose text has
 * Chinese in it) add CJKutf8 with the AR PL SungtiL GB font (gbsn), from Debian's
 * latex-cjk-common and latex-cjk-chinese-arphic-gbsn00lp, about 13 MB installed (the full
 * texlive-lang-chinese would be 98 MB plus 33 MB of fonts).
 *
 * <p>When pdflatex is on the PATH every document is compiled into tex/&lt;id&gt;.pdf (documents
 * that need CJKutf8 only when it is installed); a document that does not compile is our bug
 * and fails the rendering with the error from pdflatex's log.
 */
public final class TexWriter implements MaterialWriter {
  /** Longest a pdflatex run may take. */
  static final long TIMEOUT_SECONDS = 30;

  private final boolean compile;

  public TexWriter() {
    this(true);
  }

  /** compile false only writes the .tex files (for tests that compile them themselves). */
  TexWriter(boolean compile) {
    this.compile = compile;
  }

  /** A generated document that pdflatex rejects: a bug in the writer or the printer. */
  public static final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompileError(String message) {
      super(message);
    }
  }

  /** A document to write: its file name without .tex, its text, and whether it needs CJKutf8. */
  record Document(String stem, String text, boolean cjk) {}

  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    List<Document> documents = documents(material, language);
    for (Document d : documents) {
      out.write("tex/" + d.stem() + ".tex", d.text());
    }
    if (compile) {
      Path pdflatex = pdflatex();
      if (pdflatex != null) {
        boolean cjk = cjkInstalled();
        compileAll(pdflatex, out.workFolder().resolve("tex"),
            documents.stream().filter(d -> cjk || !d.cjk()).map(Document::stem).toList());
      }
    }
  }

  /** Every document of the material: each derivation in the language and in Chinese, and the claims. */
  static List<Document> documents(Material material, Text.Language language) {
    List<Document> documents = new ArrayList<>();
    for (Material.Page page : material.derivations()) {
      if (page.start() == null) {
        continue;
      }
      String stem = stem(page.id());
      documents.add(newDocument(stem, language, material, page));
      documents.add(newDocument(stem + ".zh", Text.Language.ZH, material, page));
    }
    if (!material.claims().isEmpty()) {
      documents.add(newDocument("claims", language, material, null));
      documents.add(newDocument("claims.zh", Text.Language.ZH, material, null));
    }
    return documents;
  }

  /**
   * A file name for a derivation's id: letters, digits, dash and underscore, starting with a
   * letter or digit (pdflatex would read "-x.tex" as an option), never "claims" (claims.tex).
   */
  static String stem(String id) {
    String stem = id.replaceAll("[^A-Za-z0-9_-]", "-");
    if (stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(0))) {
      stem = "d" + stem;
    }
    return stem.equals("claims") ? "claims-derivation" : stem;
  }

  // ---------------------------------------------------------------------------------------------
  // The document

  private static final class Doc extends TexBody {
    Doc(Text.Language language) {
      super(language);
    }
  }

  private static Document newDocument(String stem, Text.Language language, Material material, Material.Page page) {
    Doc d = new Doc(language);
    if (page != null) {
      derivation(d, material, page);
    } else {
      allClaims(d, material);
    }
    String body = d.b.toString();
    String title = page != null ? d.text(page.title()).isEmpty() ? text(page.id()) : d.text(page.title()) : d.w.claims;
    boolean cjk = language == Text.Language.ZH || needsCjk(title + body);
    String source = page != null ? page.file() : "the claims of every derivation";
    List<Material.Page> pages = page != null ? List.of(page) : material.derivations();
    return d.finish(stem, preamble(stem, source, uprightNames(title, pages), cjk), pages, cjk);
  }

  private static String preamble(String stem, String source, String title, boolean cjk) {
    StringBuilder b = new StringBuilder();
    b.append("% tex/").append(stem).append(".tex: written by Stepwise (stepwise render) from ")
        .append(comment(source)).append(".\n");
    b.append("% Do not edit: change the derivation file and render again.\n");
    b.append("% Compile with: pdflatex -interaction=nonstopmode ").append(stem).append(".tex\n");
    b.append("% Packages: Debian's texlive-latex-base, texlive-latex-recommended and lmodern");
    if (cjk) {
      b.append(";\n% Chinese text: CJKutf8 and the gbsn font, from latex-cjk-common and\n")
          .append("% latex-cjk-chinese-arphic-gbsn00lp (about 13 MB; texlive-lang-chinese would be 98 MB).\n");
    } else {
      b.append(".\n");
    }
    b.append("\\documentclass[11pt,a4paper]{article}\n");
    b.append("\\usepackage[T1]{fontenc}\n");
    b.append("\\usepackage{lmodern}\n");
    b.append("\\usepackage[margin=2.3cm]{geometry}\n");
    b.append("\\usepackage{amsmath,amssymb}\n");
    b.append("\\usepackage{array,booktabs,tabularx,graphicx}\n");
    b.append("\\usepackage[table]{xcolor}\n");
    if (cjk) {
      b.append("\\usepackage{CJKutf8}\n");
    }
    b.append("""
        \\allowdisplaybreaks[1]
        \\setlength{\\parindent}{0pt}
        \\setlength{\\emergencystretch}{3em}
        \\sloppy
        \\setlength{\\parskip}{0.4\\baselineskip}
        \\pagestyle{plain}
        \\definecolor{proved}{RGB}{26,127,55}
        \\definecolor{confirmed}{RGB}{9,105,170}
        \\definecolor{refuted}{RGB}{207,34,46}
        \\definecolor{unknown}{RGB}{154,103,0}
        \\definecolor{notegray}{gray}{0.35}
        \\newcommand{\\verdict}[2]{\\textcolor{#1}{\\textbf{#2}}}
        \\newcommand{\\rulename}[1]{\\texttt{#1}}
        % A display formula, scaled down to the line width if it is wider.
        \\newsavebox{\\formulabox}
        \\newcommand{\\formula}[1]{\\sbox{\\formulabox}{$\\displaystyle #1$}%
          \\ifdim\\wd\\formulabox>\\linewidth
            \\[\\resizebox{\\linewidth}{!}{\\usebox{\\formulabox}}\\]%
          \\else\\[\\usebox{\\formulabox}\\]\\fi}
        % A box (a table), scaled down to the line width if it is wider.
        \\newcommand{\\fitwidth}[1]{\\sbox{\\formulabox}{#1}%
          \\ifdim\\wd\\formulabox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\formulabox}}%
          \\else\\usebox{\\formulabox}\\fi}
        % The aligned derivation: the widest left and right sides are measured first; the rules'
        % notes get the rest of the line beside them, or go under each line when too little is left;
        % a derivation wider than the line is scaled down to fit.
        \\newlength{\\lhswidth}\\newlength{\\rhswidth}\\newlength{\\notewidth}\\newlength{\\measured}
        \\newcommand{\\measure}[2]{%
          \\settowidth{\\measured}{$\\displaystyle #1$}%
          \\ifdim\\measured>\\lhswidth\\setlength{\\lhswidth}{\\measured}\\fi
          \\settowidth{\\measured}{$\\displaystyle {}#2$}%
          \\ifdim\\measured>\\rhswidth\\setlength{\\rhswidth}{\\measured}\\fi}
        \\newcommand{\\layoutnotes}{%
          \\setlength{\\notewidth}{\\linewidth}%
          \\addtolength{\\notewidth}{-\\lhswidth}\\addtolength{\\notewidth}{-\\rhswidth}%
          \\addtolength{\\notewidth}{-3em}%
          \\ifdim\\notewidth<0.3\\linewidth
            \\setlength{\\notewidth}{\\linewidth}\\addtolength{\\notewidth}{-\\lhswidth}%
            \\addtolength{\\notewidth}{-4em}%
            \\ifdim\\notewidth>0.7\\linewidth\\setlength{\\notewidth}{0.7\\linewidth}\\fi
            \\def\\note##1##2{\\\\ & \\qquad\\notetext{##1}{##2}}%
          \\else
            \\ifdim\\notewidth>0.42\\linewidth\\setlength{\\notewidth}{0.42\\linewidth}\\fi
            \\def\\note##1##2{&& \\notetext{##1}{##2}}%
          \\fi}
        \\newcommand{\\notetext}[2]{\\parbox[t]{\\notewidth}{\\raggedright\\footnotesize
          \\leavevmode\\color{notegray}\\if\\relax\\detokenize{#1}\\relax\\else\\textbf{#1}\\enspace\\fi #2}}
        """);
    b.append("\\begin{document}\n");
    if (cjk) {
      b.append("\\begin{CJK}{UTF8}{gbsn}\n");
    }
    b.append("{\\raggedright\\LARGE\\bfseries ").append(title).append("\\par}\n\\vspace{0.3\\baselineskip}\n");
    return b.toString();
  }

  private static void derivation(Doc d, Material material, Material.Page page) {
    Words w = d.w;
    d.line("{\\small " + w.checked + " \\texttt{" + text(page.file()) + "}\\par}");
    d.line("");
    if (!page.summary().isEmpty()) {
      d.line(d.text(page.summary()));
      d.line("");
    }
    StringBuilder verdict = new StringBuilder(w.verdict + w.colon + badge(page.verdict(), d.language));
    if (page.expectFailure() && page.verdict().passes()) {
      verdict.append(w.asExpected);
    }
    if (!page.relationText().isEmpty()) {
      verdict.append(w.period).append(w.startToEnd).append(w.colon).append(d.text(page.relationText()));
    }
    d.line(verdict + w.period.strip());
    d.line("");
    if (page.expectFailure()) {
      d.line("\\textbf{" + w.recordsMistake + "}");
      if (!page.correction().isEmpty()) {
        d.line(w.correction + w.colon + d.text(page.correction()));
      }
      d.line("");
    }
    if (page.problem() != null && !page.problem().isEmpty()) {
      d.line(w.problem + w.colon + text(page.problem()));
      d.line("");
    }
    symbols(d, page);
    aligned(d, page);
    steps(d, page);
    List<Material.ClaimPage> claims = material.claims().stream().filter(c -> c.file().equals(page.file())).toList();
    if (!claims.isEmpty()) {
      d.line("\\section*{" + w.claims + "}");
      claims.forEach(c -> claim(d, c));
    }
  }

  private static void symbols(Doc d, Material.Page page) {
    if (page.symbols().isEmpty()) {
      return;
    }
    Words w = d.w;
    d.line("\\section*{" + w.symbols + "}");
    d.line("{\\renewcommand{\\arraystretch}{1.25}");
    d.line("\\begin{tabularx}{\\linewidth}{>{$}l<{$} l >{\\raggedright\\arraybackslash}p{0.3\\linewidth}"
        + " >{\\raggedright\\arraybackslash}X}");
    d.line("\\toprule");
    d.line("\\multicolumn{1}{l}{" + w.symbol + "} & " + w.name + " & " + w.domain + " & " + w.meaning + " \\\\");
    d.line("\\midrule");
    for (Material.SymbolRow s : page.symbols()) {
      String meaning = d.text(s.meaning());
      d.line(s.latex() + " & \\texttt{" + text(s.name()) + "} & " + d.text(VerifierWords.domain(s.domain())) + " & "
          + (meaning.isEmpty() ? "---" : meaning) + " \\\\");
    }
    d.line("\\bottomrule");
    d.line("\\end{tabularx}}");
    d.line("");
  }

  /** The derivation as one align* block: lhs &amp; relation rhs, the rule's description beside each line. */
  private static void aligned(Doc d, Material.Page page) {
    d.line("\\section*{" + d.w.derivation + "}");
    List<Material.Line> lines = new ArrayList<>();
    lines.add(page.start());
    lines.addAll(page.lines());
    d.line("\\setlength{\\lhswidth}{0pt}\\setlength{\\rhswidth}{0pt}%");
    for (Material.Line line : lines) {
      d.line("\\measure{" + line.lhs() + "}{" + rightSide(line) + "}%");
    }
    d.line("\\layoutnotes");
    d.line("\\def\\derivationbody{%");
    int shownStep = -1;
    for (int i = 0; i < lines.size(); i++) {
      Material.Line line = lines.get(i);
      StringBuilder row = new StringBuilder(line.lhs()).append(" &").append(rightSide(line).isEmpty() ? "" : " ")
          .append(rightSide(line));
      String note = d.text(line.note());
      if (!note.isEmpty() || line.step() != shownStep) {
        String number = line.step() == shownStep ? "" : line.step() == 0 ? note.isEmpty() ? "" : d.w.startShort
            : String.valueOf(line.step());
        shownStep = line.step();
        if (!note.isEmpty() || !number.isEmpty()) {
          row.append(" \\note{").append(number).append("}{").append(note).append('}');
        }
      }
      d.line(row + (i < lines.size() - 1 ? " \\\\" : ""));
    }
    d.line("}");
    // the same gap between every two rows (a line and its note, a note and the next line), whatever their height
    d.line("\\begingroup\\setlength{\\lineskiplimit}{100pt}\\setlength{\\lineskip}{0.45em}%");
    d.line("\\ifdim\\dimexpr\\lhswidth+\\rhswidth\\relax>\\linewidth");
    d.line("  \\[\\resizebox{\\linewidth}{!}{$\\displaystyle\\begin{aligned}\\derivationbody\\end{aligned}$}\\]");
    d.line("\\else");
    d.line("  \\begin{align*}\\derivationbody\\end{align*}");
    d.line("\\fi");
    d.line("\\endgroup");
    d.line("");
  }

  private static String rightSide(Material.Line line) {
    return (line.relation().isEmpty() ? "" : line.relation() + " ") + line.rhs();
  }

  private static void steps(Doc d, Material.Page page) {
    Words w = d.w;
    d.line("\\section*{" + w.steps + "}");
    for (Material.StepPage s : page.steps()) {
      d.line("\\subsection*{" + String.format(w.step, s.number()) + w.colon + "\\rulename{" + text(s.rule()) + "}\\hfill"
          + "\\normalsize " + badge(s.verdict(), d.language) + "}");
      if (!s.ruleDescription().isEmpty()) {
        d.line(w.rule + w.colon + "\\emph{" + d.text(s.ruleDescription()) + "}");
        d.line("");
      }
      if (!s.note().isEmpty()) {
        d.line(d.text(s.note()));
        d.line("");
      }
      if (s.wrongLatex() != null) {
        // a recorded slip: the author's line, refuted, the counterexample, then the correction
        d.line("{\\color{refuted}\\textbf{" + w.authorsLine + "}}");
        d.line("\\formula{" + s.wrongLatex() + "}");
        spotTable(d, s.spots());
        d.line("{\\color{proved}\\textbf{" + w.correctionLine + "}}");
        d.line("\\formula{" + s.correctLatex() + "}");
        d.line("");
      } else if (!s.formula().isEmpty()) {
        d.line("\\formula{" + s.formula() + "}");
        d.line("");
        spotTable(d, s.spots());
      }
      if (s.failure() != null) {
        d.line(w.didNotApply + w.colon + text(s.failure()));
        d.line("");
      }
      List<String> facts = new ArrayList<>();
      if (s.summary() != null && !s.summary().isEmpty() && s.failure() == null) {
        facts.add(w.method + w.colon + d.text(s.summary()));
      }
      if (s.samples() > 0) {
        facts.add(String.format(Locale.ROOT, w.samples, s.samples(), maxError(s.maxError())));
      }
      if (s.expect() != null && !s.expect().isEmpty() && !s.expect().equals("-")) {
        facts.add(w.expected + w.colon + text(expectWords(s.expect(), d.language)));
      }
      if (!facts.isEmpty()) {
        d.line("{\\small\\raggedright " + String.join(w.period, facts) + w.period.strip() + "\\par}");
        d.line("");
      }
      if (s.counterexample() != null && s.wrongLatex() == null) {
        d.line("{\\raggedright\\textcolor{refuted}{" + w.counterexample + w.colon.strip() + "} " + d.text(s.counterexample())
            + "\\par}");
        d.line("");
      }
    }
  }

  /**
   * A step's spot-check table (SpotTables: a few points, rounded, long vectors summarised): the
   * point, then the columns that fit the step's relation, then what the table shows. Scaled down
   * when wider than the line. The comment names the kind, for readers of the .tex.
   */
  private static void spotTable(Doc d, Material.SpotTable t) {
    if (t.isEmpty()) {
      return;
    }
    d.line("% spot-check: " + t.kind());
    d.line("{\\centering\\fitwidth{\\small" + spotTabular(t, d.language) + "}\\par}");
    if (!t.explanation().isEmpty()) {
      d.line("{\\small\\color{notegray}" + d.text(t.explanation()) + "\\par}");
    }
    d.line("");
  }

  /** The tabular of a spot-check table (shared with the Beamer slides); pairs of a "constant" table ruled apart. */
  static String spotTabular(Material.SpotTable t, Text.Language language) {
    StringBuilder cols = new StringBuilder();
    List<String> head = new ArrayList<>();
    for (String v : t.variables()) {
      cols.append('l');
      head.add("$" + v + "$");
    }
    for (Text h : t.headers()) {
      cols.append('r');
      head.add(prose(h.in(language)));
    }
    StringBuilder b = new StringBuilder("\\begin{tabular}{" + cols + "}\\toprule\n");
    b.append(String.join(" & ", head)).append(" \\\\\\midrule\n");
    int group = -1;
    for (Material.SpotRow r : t.rows()) {
      if (group >= 1 && r.group() != group) {
        b.append("\\addlinespace\n");
      }
      group = r.group();
      List<String> cells = new ArrayList<>();
      for (String v : t.variables()) {
        cells.add(text(r.point().getOrDefault(v, "")));
      }
      for (Text c : r.cells()) {
        cells.add(text(c.in(language)));
      }
      b.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    return b.append("\\bottomrule\\end{tabular}").toString();
  }

  static String maxError(double e) {
    return Double.isNaN(e) ? "?" : String.format(Locale.ROOT, "%.1e", e);
  }

  private static void claim(Doc d, Material.ClaimPage c) {
    Words w = d.w;
    d.line("\\subsection*{\\rulename{" + text(c.id()) + "}\\hfill\\normalsize " + badge(c.verdict(), d.language) + "}");
    if (!c.statement().isEmpty()) {
      d.line(d.text(c.statement()));
      d.line("");
    }
    if (!c.leftLatex().isEmpty() && !c.rightLatex().isEmpty()) {
      d.line("\\formula{" + c.leftLatex() + " " + c.relationLatex() + " " + c.rightLatex() + "}");
      d.line("");
    }
    List<String> sources = new ArrayList<>();
    if (!c.leftSource().isEmpty()) {
      sources.add(w.left + w.colon + String.format(w.resultOf, "\\texttt{" + text(c.leftSource()) + "}"));
    }
    if (!c.rightSource().isEmpty()) {
      sources.add(w.right + w.colon + String.format(w.resultOf, "\\texttt{" + text(c.rightSource()) + "}"));
    }
    if (!sources.isEmpty()) {
      d.line("{\\small " + String.join(w.semicolon, sources) + w.period.strip() + "}");
      d.line("");
    }
    if (c.reason() != null && !c.reason().isEmpty()) {
      d.line("{\\small\\raggedright " + w.method + w.colon + d.text(c.reason()) + w.period.strip() + "\\par}");
      d.line("");
    }
    if (c.expectFailure()) {
      d.line("\\textbf{" + w.claimRecordsMistake + "}");
      if (!c.correction().isEmpty()) {
        d.line(w.correction + w.colon + d.text(c.correction()));
      }
      d.line("");
    }
    if (c.counterexample() != null) {
      d.line("{\\raggedright\\textcolor{refuted}{" + w.counterexample + w.colon.strip() + "} " + d.text(c.counterexample())
          + "\\par}");
      d.line("");
    }
  }

  private static void allClaims(Doc d, Material material) {
    String file = null;
    for (Material.ClaimPage c : material.claims()) {
      if (!c.file().equals(file)) {
        file = c.file();
        d.line("\\section*{\\texttt{" + text(file.isEmpty() ? "-" : file) + "}}");
      }
      claim(d, c);
    }
  }

  static String badge(Material.Verdict v, Text.Language language) {
    String key = switch (v.key()) {
      case "proved", "confirmed", "refuted" -> v.key();
      default -> "unknown";
    };
    return "\\verdict{" + key + "}{" + text(verdictWords(v, language)) + "}";
  }

  /** How the computed expression compares with the author's expect: (StepVerdict.ExpectMatch's words). */
  static String expectWords(String words, Text.Language language) {
    if (language != Text.Language.ZH) {
      return words;
    }
    return switch (words) {
      case "matches in form" -> "形式一致";
      case "equal in value, written differently" -> "值相等，写法不同";
      case "differs" -> "不相等";
      default -> words;
    };
  }

  /** The verdict in words: proved, confirmed numerically, refuted, unknown (or in Chinese). */
  static String verdictWords(Material.Verdict v, Text.Language language) {
    if (language != Text.Language.ZH) {
      return v.words();
    }
    return switch (v.key()) {
      case "proved" -> "已证明";
      case "confirmed" -> "数值验证通过";
      case "refuted" -> "被否定";
      case "unknown" -> "未知";
      default -> v.words();
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Text from files

  private static final Map<Character, String> SYMBOLS = Map.ofEntries(Map.entry('∈', "\\in"), Map.entry('∉', "\\notin"),
      Map.entry('≤', "\\leq"), Map.entry('≥', "\\geq"), Map.entry('≠', "\\neq"), Map.entry('−', "-"),
      Map.entry('‖', "\\|"), Map.entry('≃', "\\simeq"), Map.entry('≈', "\\approx"), Map.entry('≡', "\\equiv"),
      Map.entry('↘', "\\searrow"), Map.entry('↗', "\\nearrow"), Map.entry('→', "\\to"), Map.entry('⇒', "\\Rightarrow"),
      Map.entry('⇔', "\\Leftrightarrow"), Map.entry('∞', "\\infty"), Map.entry('×', "\\times"),
      Map.entry('·', "\\cdot"), Map.entry('∑', "\\sum"), Map.entry('∏', "\\prod"), Map.entry('√', "\\surd"),
      Map.entry('±', "\\pm"), Map.entry('∂', "\\partial"), Map.entry('∀', "\\forall"), Map.entry('∃', "\\exists"),
      Map.entry('∧', "\\land"), Map.entry('∨', "\\lor"), Map.entry('¬', "\\neg"), Map.entry('ℝ', "\\mathbb{R}"),
      Map.entry('ℕ', "\\mathbb{N}"), Map.entry('ℤ', "\\mathbb{Z}"), Map.entry('ℚ', "\\mathbb{Q}"),
      Map.entry('ℂ', "\\mathbb{C}"), Map.entry('α', "\\alpha"), Map.entry('β', "\\beta"), Map.entry('γ', "\\gamma"),
      Map.entry('δ', "\\delta"), Map.entry('ε', "\\varepsilon"), Map.entry('ζ', "\\zeta"), Map.entry('η', "\\eta"),
      Map.entry('θ', "\\theta"), Map.entry('ι', "\\iota"), Map.entry('κ', "\\kappa"), Map.entry('λ', "\\lambda"),
      Map.entry('μ', "\\mu"), Map.entry('ν', "\\nu"), Map.entry('ξ', "\\xi"), Map.entry('π', "\\pi"),
      Map.entry('ρ', "\\rho"), Map.entry('σ', "\\sigma"), Map.entry('τ', "\\tau"), Map.entry('υ', "\\upsilon"),
      Map.entry('φ', "\\varphi"), Map.entry('χ', "\\chi"), Map.entry('ψ', "\\psi"), Map.entry('ω', "\\omega"),
      Map.entry('Γ', "\\Gamma"), Map.entry('Δ', "\\Delta"), Map.entry('Θ', "\\Theta"), Map.entry('Λ', "\\Lambda"),
      Map.entry('Ξ', "\\Xi"), Map.entry('Π', "\\Pi"), Map.entry('Σ', "\\Sigma"), Map.entry('Φ', "\\Phi"),
      Map.entry('Ψ', "\\Psi"), Map.entry('Ω', "\\Omega"));
  private static final Map<Character, String> COMBINING = Map.of('\u0302', "\\^{%s}", '\u0304', "\\={%s}",
      '\u0303', "\\~{%s}", '\u0301', "\\'{%s}", '\u0300', "\\`{%s}", '\u0308', "\\\"{%s}",
      '\u20D7', "\\ensuremath{\\vec{%s}}");
  private static final Map<Character, String> PUNCTUATION = Map.of('…', "\\ldots{}", '\u00A0', "~",
      '“', "``", '”', "''", '‘', "`", '’', "'", '–', "--", '—', "---");

  /**
   * Text from files for a LaTeX document: special characters escaped (Aligned.escapeText), math
   * symbols and Greek letters as math, combining accents as accent commands. Latin letters and
   * Chinese pass through (T1 fonts and CJKutf8 set them).
   */
  static String prose(String s) {
    StringBuilder out = new StringBuilder();
    for (Prose.Segment seg : Prose.parse(s)) {
      switch (seg.kind()) {
        // a line may break before a formula (Chinese text has no spaces to break at)
        case MATH -> out.append(out.length() == 0 ? "" : "\\allowbreak{}").append('$')
            .append(seg.text().replaceAll("\\s+", " ")).append('$');
        case CODE -> out.append("\\texttt{").append(text(seg.text()).replace("-", "-\\allowbreak{}")).append('}');
        default -> out.append(text(seg.text()));
      }
    }
    return out.toString();
  }

  private static final Pattern KL = Pattern.compile("D_\\{KL}");
  private static final Pattern ENTROPY = Pattern.compile("(?<![A-Za-z\\\\])H(?=\\(|_|\\\\_)");

  /**
   * The documents' named quantities upright, as ISO 80000-2 sets fixed operators, the same in
   * formulas, notes and titles: D_{KL} as D_{\mathrm{KL}}, the entropy H(P), H_Q as \mathrm{H}.
   * H stays as written in a derivation that declares a symbol H of its own (then H is not the
   * catalogue's entropy), and KL likewise. Comment lines are left alone.
   */
  static String uprightNames(String tex, List<Material.Page> pages) {
    boolean ownH = pages.stream().anyMatch(p -> p.symbols().stream().anyMatch(s -> s.name().equals("H")));
    boolean ownKl = pages.stream().anyMatch(p -> p.symbols().stream().anyMatch(s -> s.name().equals("KL")
        || s.name().equals("D")));
    StringBuilder out = new StringBuilder();
    for (String line : tex.split("\n", -1)) {
      String l = line;
      if (!l.startsWith("%")) {
        if (!ownKl) {
          l = KL.matcher(l).replaceAll(Matcher.quoteReplacement("D_{\\mathrm{KL}}"));
        }
        if (!ownH) {
          l = ENTROPY.matcher(l).replaceAll(Matcher.quoteReplacement("\\ensuremath{\\mathrm{H}}"));
        }
      }
      out.append(l).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  static String text(String s) {
    StringBuilder out = new StringBuilder();
    int[] points = s.replaceAll("\\s+", " ").codePoints().toArray(); // one paragraph: no blank lines, no tabs
    for (int i = 0; i < points.length; i++) {
      int c = points[i];
      int next = i + 1 < points.length ? points[i + 1] : 0;
      if (c < 0x10000 && COMBINING.containsKey((char) c)) {
        continue; // a stray combining mark
      }
      boolean accented = next > 0 && next < 0x10000 && COMBINING.containsKey((char) next);
      if (accented) {
        i++;
      }
      String symbol = c < 0x10000 ? SYMBOLS.get((char) c) : null;
      if (accented && (symbol != null || Character.isLetter(c) && c < 0x180)) {
        String letter = symbol != null ? symbol : new String(Character.toChars(c));
        out.append(symbol != null || next == '\u20D7' ? "\\ensuremath{" + mathAccent((char) next) + "{" + letter + "}}"
            : String.format(COMBINING.get((char) next), letter));
      } else if (symbol != null) {
        out.append("\\ensuremath{").append(symbol).append('}');
      } else if (c < 0x10000 && PUNCTUATION.containsKey((char) c)) {
        out.append(PUNCTUATION.get((char) c));
      } else if (c < 0x80) {
        out.append(Aligned.escapeText(String.valueOf((char) c)));
      } else if (c < 0xA0 || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
        continue; // control and format characters
      } else if (latin(c) || inCjkFont(c)) {
        out.appendCodePoint(c); // T1 sets most of Latin-1 and Latin Extended-A; CJKutf8 the rest
      } else {
        out.append(String.format("{\\ttfamily[U+%04X]}", c)); // no font here has it
      }
    }
    return out.toString();
  }

  /**
   * Whether the gbsn font of CJKutf8 has the block of this character (its subfonts gbsnu00-04,
   * 20-26, 30-32, 4e-9f, fe-ff); a character in a missing block stops pdflatex.
   */
  static boolean inCjkFont(int c) {
    int block = c >> 8;
    return block <= 0x04 || block >= 0x20 && block <= 0x26 || block >= 0x30 && block <= 0x32
        || block >= 0x4E && block <= 0x9F && block != 0x9D || block == 0xFE || block == 0xFF;
  }

  private static String mathAccent(char mark) {
    return switch (mark) {
      case '\u0302' -> "\\hat";
      case '\u0304' -> "\\bar";
      case '\u0303' -> "\\tilde";
      case '\u0308' -> "\\ddot";
      default -> "\\vec";
    };
  }

  /** Whether LaTeX's UTF-8 support sets the character with T1 fonts (Latin-1 and most of Latin Extended-A). */
  static boolean latin(int c) {
    return c >= 0xA0 && c < 0x180 && c != 0x126 && c != 0x127 && c != 0x138 && c != 0x13F && c != 0x140 && c != 0x149
        && c != 0x166 && c != 0x167 && c != 0x17F;
  }

  /** Whether text needs CJKutf8: any character beyond ASCII that T1 fonts do not set. */
  static boolean needsCjk(String text) {
    return text.codePoints().anyMatch(c -> c >= 0x80 && !latin(c));
  }

  private static String comment(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  // ---------------------------------------------------------------------------------------------
  // pdflatex

  /** pdflatex on the PATH, or null. */
  static Path pdflatex() {
    return onPath("pdflatex");
  }

  static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether kpsewhich finds CJKutf8.sty and the gbsn font's UTF-8 definitions. */
  static boolean cjkInstalled() {
    return texFilesInstalled("CJKutf8.sty", "c70gbsn.fd");
  }

  /** Whether kpsewhich (from TeX Live) is on the PATH and finds every one of the named files. */
  static boolean texFilesInstalled(String... names) {
    Path kpsewhich = onPath("kpsewhich");
    if (kpsewhich == null) {
      return false;
    }
    List<String> command = new ArrayList<>(List.of(kpsewhich.toString()));
    command.addAll(List.of(names));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String found = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0 && found.lines().filter(l -> !l.isBlank()).count() == names.length;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }


  /** Compiles the documents (stem.tex in dir) side by side, one pdflatex per processor. */
  static void compileAll(Path pdflatex, Path dir, List<String> stems) throws IOException {
    if (stems.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(stems.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "pdflatex");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (String stem : stems) {
        jobs.add(pool.submit(() -> {
          compile(pdflatex, dir, stem);
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        try {
          job.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IOException(e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling the .tex files", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Compiles dir/stem.tex into dir/stem.pdf (a second run if pdflatex asks for one), then
   * deletes the auxiliary files. Reading is limited to the folder and the TeX tree
   * (openin_any=p), writing to the folder, and no shell escape.
   */
  static void compile(Path pdflatex, Path dir, String stem) throws IOException {
    Path log = dir.resolve(stem + ".log");
    try {
      for (int run = 1; run <= 2; run++) {
        ProcessBuilder pb = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error",
            "-no-shell-escape", "-file-line-error", stem + ".tex").directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(Redirect.DISCARD);
        pb.environment().put("openin_any", "p");
        pb.environment().put("openout_any", "p");
        Process p = pb.start();
        p.getOutputStream().close();
        boolean finished;
        try {
          finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while compiling " + dir.getFileName() + "/" + stem + ".tex", e);
        }
        if (!finished) {
          p.descendants().forEach(ProcessHandle::destroyForcibly); // mktextfm and the like
          p.destroyForcibly();
          throw new CompileError("pdflatex did not finish " + dir.getFileName() + "/" + stem + ".tex in " + TIMEOUT_SECONDS + " s"
              + excerpt(log, dir.resolve(stem + ".tex")));
        }
        Path pdf = dir.resolve(stem + ".pdf");
        if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
          Files.deleteIfExists(pdf);
          throw new CompileError("pdflatex failed on " + dir.getFileName() + "/" + stem + ".tex (exit " + p.exitValue() + ")"
              + excerpt(log, dir.resolve(stem + ".tex")));
        }
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        if (!text.contains("Rerun to get") && !text.contains("Label(s) may have changed")) {
          break;
        }
      }
    } finally {
      for (String ext : List.of(".aux", ".log", ".out", ".toc", ".nav", ".snm", ".vrb")) {
        Files.deleteIfExists(dir.resolve(stem + ext));
      }
    }
  }

  private static final Pattern LINE_NUMBER = Pattern.compile("(?:^|\\n)(?:l\\.|[^\\n]*\\.tex:)(\\d+)");

  /** The error lines of a pdflatex log, and the line of the .tex it points at. */
  static String excerpt(Path log, Path tex) {
    try {
      if (!Files.exists(log)) {
        return ": no log written";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      int first = -1;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.startsWith("!") || l.matches(".*\\.tex:\\d+: .*")) {
          first = i;
          break;
        }
      }
      List<String> shown = first < 0 ? lines.subList(Math.max(0, lines.size() - 15), lines.size())
          : lines.subList(first, Math.min(lines.size(), first + 12));
      StringBuilder out = new StringBuilder(":\n").append(String.join("\n", shown).strip());
      Matcher m = LINE_NUMBER.matcher(String.join("\n", shown));
      if (m.find() && Files.exists(tex)) {
        int number = Integer.parseInt(m.group(1));
        List<String> source = Files.readAllLines(tex, StandardCharsets.UTF_8);
        if (number >= 1 && number <= source.size()) {
          out.append("\nline ").append(number).append(" of the .tex: ").append(source.get(number - 1));
        }
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      return ": the log could not be read (" + e.getMessage() + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Words

  /** The documents' own words in English and Chinese. */
  record Words(String checked, String verdict, String startToEnd, String recordsMistake, String claimRecordsMistake,
      String correction, String problem, String symbols, String symbol, String name, String domain, String meaning,
      String derivation, String startShort, String steps, String step, String rule, String didNotApply,
      String method, String samples, String expected, String counterexample, String claims, String left, String right,
      String resultOf, String colon, String period, String semicolon, String asExpected, String authorsLine,
      String correctionLine) {
    static final Words EN = new Words("Checked step by step by Stepwise from", "Verdict", "From start to end",
        "This file records a mistake: the derivation is expected to fail.",
        "This claim records a mistake: it is expected to fail.", "Correction", "Problem", "Symbols", "Symbol",
        "Name", "Domain", "Meaning", "Derivation", "start", "Steps", "Step %d", "Rule", "The rule does not apply",
        "Method", "%d sample points, largest error %s", "Expected form", "Counterexample", "Claims", "Left",
        "Right", "the result of %s", ": ", ". ", "; ", " (as expected)", "The author's line, refuted:",
        "Correction (what the rule gives):");
    static final Words ZH = new Words("由 Stepwise 逐步验证，来源", "结论", "从起点到终点", "此文件记录的是一个错误：这个推导应当不成立。",
        "此断言记录的是一个错误：它应当不成立。", "更正", "问题", "符号", "符号", "名称", "取值范围", "含义", "推导", "起点", "步骤",
        "第 %d 步", "规则", "规则不适用", "方法", "%d 个采样点，最大误差 %s", "预期形式", "反例", "断言", "左边", "右边", "%s 的结果", "：", "。", "；", "（符合预期）", "作者写的这一行（被推翻）：",
        "更正（规则给出的结果）：");

    static Words of(Text.Language language) {
      return language == Text.Language.ZH ? ZH : EN;
    }
  }
}
