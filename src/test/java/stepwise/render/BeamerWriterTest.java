package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * The Beamer decks of the real derivations (render --format beamer), English and Chinese,
 * compiled with the real pdflatex: each gives a PDF with more pages than frames (the overlays
 * reveal the steps one by one), no overfull line and no missing glyph; every step is revealed
 * with its rule and its spot checks; a slip shows the author's line, its counterexample, then
 * the correction.
 *
 * <p>Needs pdflatex with Beamer (texlive-latex-recommended) and pgf (texlive-pictures), and
 * CJKutf8 with gbsn for the Chinese decks; fails without them on CI, skipped elsewhere.
 */
class BeamerWriterTest {
  private static Material material;

  @TempDir
  Path dir;

  @BeforeAll
  static void build() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  private Path write(BeamerWriter writer) throws IOException {
    Path target = dir.resolve("out");
    try (Output out = new Output(target)) {
      writer.write(material, out, Text.Language.EN);
      out.commit();
    }
    return target.resolve(BeamerWriter.FOLDER);
  }

  @Test
  void everyDeckCompilesWithOverlaysAndNoOverfullLineOrMissingGlyph() throws IOException, InterruptedException {
    TexWriterTest.requireLatex();
    TexWriterTest.require(BeamerWriter.beamerInstalled(), "Beamer and pgf (texlive-latex-recommended, texlive-pictures)");
    Path beamer = write(new BeamerWriter(false));
    List<String> problems = new ArrayList<>();
    int decks = 0;
    List<Path> texFiles;
    try (Stream<Path> files = Files.list(beamer)) {
      texFiles = files.filter(p -> p.toString().endsWith(".tex")).sorted().toList();
    }
    // one pdflatex per processor: the logs are read afterwards, in order
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, Runtime.getRuntime().availableProcessors()));
    java.util.Map<Path, java.util.concurrent.Future<String>> logs = new java.util.LinkedHashMap<>();
    try {
      for (Path file : texFiles) {
        String stem = file.getFileName().toString().replaceAll("\\.tex$", "");
        logs.put(file, pool.submit(() -> TexWriterTest.pdflatex(beamer, stem)));
      }
      for (Path file : texFiles) {
        String stem = file.getFileName().toString().replaceAll("\\.tex$", "");
        String log;
        try {
          log = logs.get(file).get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new AssertionError(stem + ": " + e.getCause().getMessage(), e.getCause());
        }
        for (String line : log.split("\n")) {
          if (line.startsWith("Overfull \\hbox") || line.startsWith("Missing character") || line.startsWith("!")
              || line.startsWith("LaTeX Warning") && !line.contains("Rerun")) {
            problems.add(stem + ": " + line);
          }
        }
        byte[] pdf = Files.readAllBytes(beamer.resolve(stem + ".pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        int frames = count(Files.readString(file), "\\begin{frame}");
        int pages = pages(log);
        Material.Page page = material.derivations().stream()
            .filter(p -> stem.equals(TexWriter.stem(p.id())) || stem.equals(TexWriter.stem(p.id()) + ".zh")).findFirst()
            .orElseThrow();
        // a frame holds up to three steps revealed one by one: more than one step means more slides than frames
        assertTrue(page.steps().size() > 1 ? pages > frames : pages >= frames,
            stem + ": " + pages + " pages for " + frames + " frames: the overlays reveal steps");
        decks++;
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2 * material.derivations().stream().filter(p -> p.start() != null).count(), decks);
    assertEquals(List.of(), problems);
  }

  @Test
  void theWriterCompilesTheDecksAndLeavesOnlyTexAndPdf() throws IOException {
    TexWriterTest.requireLatex();
    TexWriterTest.require(BeamerWriter.beamerInstalled(), "Beamer and pgf (texlive-latex-recommended, texlive-pictures)");
    Material one = new Material(material.derivations().stream().filter(p -> p.id().equals("lost-minus-sign")).toList(),
        List.of(), material.passes());
    Path target = dir.resolve("one");
    try (Output out = new Output(target)) {
      new BeamerWriter().write(one, out, Text.Language.EN);
      out.commit();
    }
    try (Stream<Path> files = Files.list(target.resolve(BeamerWriter.FOLDER))) {
      assertEquals(List.of("lost-minus-sign.pdf", "lost-minus-sign.tex", "lost-minus-sign.zh.pdf",
          "lost-minus-sign.zh.tex"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void theSlidesRevealEveryStepWithItsCheck() {
    for (TexWriter.Document deck : BeamerWriter.decks(material, Text.Language.EN)) {
      if (deck.stem().endsWith(".zh")) {
        continue;
      }
      Material.Page page = material.derivations().stream().filter(p -> TexWriter.stem(p.id()).equals(deck.stem()))
          .findFirst().orElseThrow();
      String tex = deck.text();
      assertTrue(tex.contains("\\documentclass[11pt,aspectratio=169]{beamer}"), deck.stem());
      assertTrue(tex.contains("\\titlepage"), deck.stem());
      assertFalse(tex.contains("CJK"), deck.stem() + ": the English deck needs no CJK support");
      for (Material.StepPage s : page.steps()) {
        assertTrue(tex.contains("\\rulename{" + TexWriter.text(s.rule()) + "}"), deck.stem() + " step " + s.number());
      }
      long slips = page.steps().stream().filter(s -> s.wrongLatex() != null).count();
      // each ordinary step's check is on its own slide of its frame; a slip has the correction on slide 2
      assertEquals(page.steps().size() - slips, count(tex, "\\begin{onlyenv}<") - slips
          - claimsOf(page), deck.stem() + ": one revealed check per step");
      for (Material.Line line : page.lines()) {
        String rhs = TexWriter.uprightNames(line.rhs(), List.of(page));
        assertTrue(tex.contains(rhs), deck.stem() + ": the line " + rhs);
      }
    }
    String slip = deck("lost-minus-sign", Text.Language.EN);
    Material.Page slipPage = material.derivations().stream().filter(p -> p.id().equals("lost-minus-sign"))
        .findFirst().orElseThrow();
    Material.StepPage refuted = slipPage.steps().get(1);
    int author = slip.indexOf("\\formula{" + TexWriter.uprightNames(refuted.wrongLatex(), List.of(slipPage)) + "}");
    int counterexample = slip.indexOf("% spot-check: counterexample", author);
    int correction = slip.indexOf("\\formula{" + TexWriter.uprightNames(refuted.correctLatex(), List.of(slipPage))
        + "}", counterexample);
    assertTrue(author > 0 && counterexample > author && correction > counterexample,
        "the author's line, its counterexample, then the correction");
    assertTrue(slip.lastIndexOf("\\begin{onlyenv}<2->", correction) > counterexample, "the correction comes on slide 2");
    String zh = deck("bce-from-likelihood", Text.Language.ZH);
    assertTrue(zh.contains("\\usepackage{CJKutf8}") && zh.contains("\\begin{CJK}{UTF8}{gbsn}"));
    assertTrue(zh.contains("从伯努利似然推导二元交叉熵") && zh.contains("\\verdict{proved}{已证明}"));
  }

  private static long claimsOf(Material.Page page) {
    return material.claims().stream().filter(c -> c.file().equals(page.file())).count();
  }

  private static String deck(String id, Text.Language language) {
    String stem = id + (language == Text.Language.ZH ? ".zh" : "");
    return BeamerWriter.decks(material, language).stream().filter(d -> d.stem().equals(stem)).findFirst()
        .orElseThrow().text();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static final Pattern PAGES = Pattern.compile("Output written on .*?\\((\\d+) pages?");

  private static int pages(String log) {
    Matcher m = PAGES.matcher(log.replace("\n", ""));
    assertTrue(m.find(), "no page count in the log");
    return Integer.parseInt(m.group(1));
  }
}
