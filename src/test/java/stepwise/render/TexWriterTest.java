package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * The .tex documents of the real derivations, compiled with the real pdflatex: each one gives
 * a non-empty PDF, with no overfull line and no character missing from the fonts. Page 1 of each
 * is rendered to target/tex-preview/ (with pdftoppm) to look at.
 *
 * <p>Needs pdflatex (Debian: texlive-latex-base, texlive-latex-recommended,
 * texlive-fonts-recommended, lmodern) and, for the Chinese documents, CJKutf8 with the gbsn
 * font (latex-cjk-common, latex-cjk-chinese-arphic-gbsn00lp). Without them the test fails on
 * CI (the CI variable set) and is skipped elsewhere.
 */
class TexWriterTest {
  private static Material material;

  @TempDir
  Path dir;

  @BeforeAll
  static void build() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  /** A missing tool fails on CI and skips the test elsewhere. */
  static void require(boolean present, String what) {
    if (present) {
      return;
    }
    String message = what + " is not installed";
    if (System.getenv("CI") != null) {
      fail(message + " (CI is set: the test must run there)");
    }
    Assumptions.assumeTrue(false, message);
  }

  static void requireLatex() {
    require(TexWriter.pdflatex() != null,
        "pdflatex (texlive-latex-base, texlive-latex-recommended, texlive-fonts-recommended, lmodern)");
    require(TexWriter.cjkInstalled(), "CJKutf8 with the gbsn font (latex-cjk-common, latex-cjk-chinese-arphic-gbsn00lp)");
  }

  private Path write(Material m, Text.Language language, TexWriter writer) throws IOException {
    Path target = dir.resolve("out-" + language);
    try (Output out = new Output(target)) {
      writer.write(m, out, language);
      out.commit();
    }
    return target;
  }

  @Test
  void everyDerivationGetsATexAndAPdfInEnglishAndChinese() throws IOException {
    requireLatex();
    Path target = write(material, Text.Language.EN, new TexWriter());
    assertFalse(material.derivations().isEmpty());
    List<String> stems = new ArrayList<>();
    for (Material.Page page : material.derivations()) {
      stems.add(page.id());
      stems.add(page.id() + ".zh");
    }
    stems.add("claims");
    stems.add("claims.zh");
    for (String stem : stems) {
      Path tex = target.resolve("tex/" + stem + ".tex");
      assertTrue(Files.isRegularFile(tex), tex + " is missing");
      Path pdf = target.resolve("tex/" + stem + ".pdf");
      assertTrue(Files.isRegularFile(pdf), pdf + " is missing");
      byte[] bytes = Files.readAllBytes(pdf);
      assertTrue(bytes.length > 5000, pdf + " is only " + bytes.length + " bytes");
      assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    }
    try (Stream<Path> files = Files.list(target.resolve("tex"))) {
      List<String> left = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".tex") && !n.endsWith(".pdf")).toList();
      assertEquals(List.of(), left, "auxiliary files left behind");
    }
    preview(target.resolve("tex"), stems);
  }

  @Test
  void theDocumentsSayWhatTheDerivationSays() throws IOException {
    Path target = write(material, Text.Language.EN, new TexWriter(false));
    Material.Page page = material.derivations().stream().filter(p -> p.id().equals("bce-from-likelihood")).findFirst()
        .orElseThrow();
    String en = Files.readString(target.resolve("tex/bce-from-likelihood.tex"));
    String zh = Files.readString(target.resolve("tex/bce-from-likelihood.zh.tex"));
    assertTrue(en.startsWith("% tex/bce-from-likelihood.tex: written by Stepwise"), en.substring(0, 80));
    assertTrue(en.contains("\\documentclass[11pt,a4paper]{article}"));
    assertTrue(en.contains("\\usepackage{amsmath,amssymb}"));
    assertFalse(en.contains("CJK"), "the English document needs no CJK support");
    assertTrue(en.contains("Binary cross-entropy from the Bernoulli likelihood"));
    assertTrue(en.contains("\\begin{align*}\\derivationbody\\end{align*}"));
    // the aligned block has one row per line: the start and every line
    String body = en.substring(en.indexOf("\\def\\derivationbody{"), en.indexOf("\\ifdim\\dimexpr"));
    assertEquals(page.lines().size(), body.split("\\\\\\\\\\n", -1).length - 1, body);
    for (Material.Line line : page.lines()) {
      assertTrue(body.contains(line.rhs()), line.rhs());
    }
    // each line's rule beside it, and every step in detail with its verdict and numbers
    assertTrue(body.contains("\\note{2}{The log of a product is the sum of the logs (both factors positive).}"), body);
    assertTrue(en.contains("\\subsection*{Step 3: \\rulename{log-of-power}"));
    assertTrue(en.contains("\\verdict{proved}{proved}"));
    assertTrue(en.contains("200 sample points, largest error 0.0e+00"));
    assertTrue(en.contains("\\section*{Symbols}") && en.contains("\\hat{y} & \\texttt{yhat} & $(0, 1)$"));
    // Chinese: CJKutf8, the Chinese title, notes and words
    assertTrue(zh.contains("\\usepackage{CJKutf8}") && zh.contains("\\begin{CJK}{UTF8}{gbsn}"));
    assertTrue(zh.contains("从伯努利似然推导二元交叉熵"));
    assertTrue(zh.contains("积的对数等于对数之和（两个因子都为正）。"));
    assertTrue(zh.contains("\\verdict{proved}{已证明}") && zh.contains("第 1 步"));
    // the claim of bce-from-kl in its document and in claims.tex
    String kl = Files.readString(target.resolve("tex/bce-from-kl.tex"));
    assertTrue(kl.contains("\\section*{Claims}") && kl.contains("\\rulename{both-roads-agree}"), "claim in bce-from-kl");
    assertTrue(Files.readString(target.resolve("tex/claims.tex")).contains("both-roads-agree"));
    // without compiling, no PDF
    try (Stream<Path> files = Files.list(target.resolve("tex"))) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".pdf")));
    }
  }

  /** Compiled once more by hand, the logs show no overfull line and no glyph missing from the fonts. */
  @Test
  void theDocumentsCompileWithoutOverfullLinesOrMissingGlyphs() throws IOException, InterruptedException {
    requireLatex();
    Path target = write(material, Text.Language.EN, new TexWriter(false));
    Path tex = target.resolve("tex");
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(tex)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tex")).sorted().toList()) {
        String stem = file.getFileName().toString().replaceAll("\\.tex$", "");
        String log = pdflatex(tex, stem);
        for (String line : log.split("\n")) {
          if (line.startsWith("Overfull \\hbox") || line.startsWith("Missing character")
              || line.startsWith("LaTeX Warning") || line.startsWith("!")) {
            problems.add(stem + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** A file with every special character, Greek, Chinese and an emoji in its text, and a refuted step. */
  @Test
  void textFromFilesCannotBreakTheDocument() throws IOException {
    requireLatex();
    Path file = DerivationFiles.write(dir, "odd-text.yaml", """
        title:
          en: "Special: 100% & $5 #1 a_b ^ ~ \\\\ {x} <y> | “quoted” — θ ŷ ∈ ℝ ≤ ♥ 😀 Ħ"
          zh: "特殊字符：100% & $ # _ ^ ~ \\\\ {} θ ŷ"
        summary:
          en: "Line one.\\n\\nLine two\\twith a tab and \\\\textbf{not a command} \\\\input{/etc/passwd}."
        symbols:
          x: {domain: real, meaning: {en: "x, with 中文 in the English text"}}
          y: real
        start: Log(x*y)
        steps:
          - rule: log-of-product
            note: {en: "Wrong on purpose: x and y may be negative.", zh: "故意写错：x 和 y 可能为负。"}
        claims:
          - name: odd-claim
            statement: {en: "log(xy) = log x + log y, always? 50% & $ #"}
            left: Log(x*y)
            relation: "="
            right: Log(x) + Log(y)
            expect: fails
        """);
    Material odd = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(file));
    Path target = write(odd, Text.Language.EN, new TexWriter());
    String en = Files.readString(target.resolve("tex/odd-text.tex"));
    assertTrue(en.contains("Special: 100\\% \\& \\$5 \\#1 a\\_b \\^{} \\~{} \\textbackslash{} \\{x\\}"), en);
    assertTrue(en.contains("\\ensuremath{\\theta}") && en.contains("{\\ttfamily[U+1F600]}"), en);
    assertTrue(en.contains("\\textbackslash{}textbf\\{not a command\\}"), en);
    assertTrue(en.contains("\\begin{CJK}{UTF8}{gbsn}"), "Chinese in the English text needs CJKutf8");
    assertTrue(en.contains("Counterexample"), "the refuted step's counterexample");
    for (String stem : List.of("odd-text", "odd-text.zh", "claims", "claims.zh")) {
      assertTrue(Files.size(target.resolve("tex/" + stem + ".pdf")) > 5000, stem);
    }
  }

  @Test
  void aDocumentThatDoesNotCompileFailsWithTheErrorFromTheLog() throws IOException {
    require(TexWriter.pdflatex() != null, "pdflatex");
    Files.writeString(dir.resolve("bad.tex"), """
        \\documentclass{article}
        \\begin{document}
        Fine so far, then \\undefinedcommand{x} here.
        \\end{document}
        """);
    TexWriter.CompileError e = assertThrows(TexWriter.CompileError.class,
        () -> TexWriter.compile(TexWriter.pdflatex(), dir, "bad"));
    assertTrue(e.getMessage().contains("Undefined control sequence"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3 of the .tex: Fine so far, then \\undefinedcommand{x} here."),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("bad.pdf")));
    assertFalse(Files.exists(dir.resolve("bad.log")));
    assertFalse(Files.exists(dir.resolve("bad.aux")));
  }

  @Test
  void textIsEscapedForLatex() {
    assertEquals("50\\% \\& \\$ \\# a\\_b \\^{} \\~{} \\textbackslash{} \\{\\}", TexWriter.text("50% & $ # a_b ^ ~ \\ {}"));
    assertEquals("\\ensuremath{\\theta} \\ensuremath{\\in} \\ensuremath{\\mathbb{R}} \\ensuremath{-}",
        TexWriter.text("θ ∈ ℝ −"));
    assertEquals("\\^{y} ŷ", TexWriter.text("y\u0302 ŷ"));
    assertEquals("``a'' -- --- \\ldots{}", TexWriter.text("“a” – — …"));
    assertEquals("{\\ttfamily[U+1F600]} a b", TexWriter.text("😀 a\n\n\tb"));
    assertEquals("中文", TexWriter.text("中文"));
    assertTrue(TexWriter.needsCjk("中文") && TexWriter.needsCjk("Ж") && !TexWriter.needsCjk("ŷ é"));
  }

  /** Runs pdflatex on dir/stem.tex and returns its log (the files stay, in a test folder). */
  static String pdflatex(Path dir, String stem) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(TexWriter.pdflatex().toString(), "-interaction=nonstopmode", "-halt-on-error",
        "-no-shell-escape", stem + ".tex").directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(Redirect.DISCARD).start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdflatex took over 60 s on " + stem);
    String log = Files.readString(dir.resolve(stem + ".log"), StandardCharsets.ISO_8859_1);
    assertEquals(0, p.exitValue(), stem + ": " + log.substring(Math.max(0, log.length() - 2000)));
    return log;
  }

  /** Page 1 of each PDF as a PNG under target/tex-preview/, when pdftoppm is there. */
  private static void preview(Path tex, List<String> stems) throws IOException {
    Path pdftoppm = TexWriter.onPath("pdftoppm");
    if (pdftoppm == null) {
      return;
    }
    Path folder = Path.of("target", "tex-preview");
    Files.createDirectories(folder);
    for (String stem : stems) {
      try {
        Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
            tex.resolve(stem + ".pdf").toString(), folder.resolve(stem).toString()).redirectErrorStream(true)
            .redirectOutput(Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
